"""The interface's state for one browser session: one typed object under one session-state key. No Streamlit.

Everything Vigil remembers between reruns lives in ``UiState`` (``st.session_state["vigil"]`` in the app, a plain
object in tests): the open assessment (the *draft*), how saving went, the language, where the user is, messages
waiting to be shown and what each page keeps for itself. Widget values stay under their own widget keys (Streamlit
keeps those), but nothing else is stored beside this object. Every part is picklable, because the app runs with
``runner.enforceSerializableSessionState`` (.streamlit/config.toml).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from vigil.models.assessment import Assessment

KEY = "vigil"
"""The one session-state key."""


class SaveStatus(StrEnum):
    saved = "saved"
    stale = "stale"
    unavailable = "unavailable"
    not_found = "not_found"


@dataclass
class Flash:
    """A calm message shown once, on the next page drawn (e.g. after "take a break")."""

    key: str
    params: dict[str, str] = field(default_factory=dict)


@dataclass
class Prepared:
    """A document made on request, kept for this version of the assessment and this language."""

    version: str
    lang: str
    data: bytes


@dataclass
class StampedFile:
    """A file just given Content Credentials, offered for download on the credentials page."""

    assessment: str
    name: str
    media_type: str
    data: bytes
    local: bool


@dataclass
class StartState:
    """What the Start page keeps between reruns."""

    confirm_delete: str | None = None
    import_counter: int = 0
    import_error: str | None = None
    goto: str | None = None
    note: str | None = None
    page: int = 0
    """The page of the work queue shown (back to the first whenever a search or filter changes)."""
    verdicts: tuple[str, ...] = ()
    waiting: tuple[str, ...] = ()
    sort: str = "updated"
    """The queue's filters and order, by id: their widgets are new ones in another language (see ``_choices``)."""


@dataclass
class ConsentState:
    """What the consent links keep between reruns."""

    issued: tuple[str, str, bool] | None = None
    """The link just made, on the maker's page: (person id, token, handed over in person). The token is shown
    once, then forgotten."""
    sent: str | None = None
    """On a relative's page: the date their answer was just kept (said once)."""


@dataclass
class UiState:
    lang: str | None = None
    draft: Assessment | None = None
    status: SaveStatus = SaveStatus.saved
    reason: str = "store.unavailable.unavailable"
    """The interface string that says why the store is unavailable."""
    generation: int = 0
    """Changes whenever the draft is replaced from outside, so widgets forget their old values."""
    url_synced: str | None = None
    flash: Flash | None = None
    cookie_pending: str | None = None
    """The language the user chose in this session, to be remembered in the browser's cookie."""
    announced: SaveStatus | None = None
    """The save status the banner last announced (a toast is shown once per change)."""
    tried_at: float = 0.0
    """When saving was last attempted (``time.monotonic()``)."""
    saved_later: bool = False
    """Answers kept while the store was away have since been saved by the background retry: say so once."""
    sections: dict[str, str] = field(default_factory=dict)
    """The section chosen per assessment id."""
    shown: dict[str, str] = field(default_factory=dict)
    """The section drawn last per assessment id (moving to another one scrolls to its top)."""
    remove_asked: dict[str, str] = field(default_factory=dict)
    """Per people question: the person whose removal waits for confirmation."""
    documents: dict[str, Prepared] = field(default_factory=dict)
    document_failed: dict[str, str] = field(default_factory=dict)
    start: StartState = field(default_factory=StartState)
    stamped: StampedFile | None = None
    consent: ConsentState = field(default_factory=ConsentState)
    refused: int = 0
    """Changes the save guard refused in this session (see ``Session.change``)."""
    refused_told: int = 0
    """How many of them the user has been told about."""
