"""The load / change / save cycle of the open assessment, without Streamlit.

The canonical copy of the open assessment (the *draft*) lives in one mapping (``st.session_state`` in the
app, a plain dict in tests). Every change is applied to the draft first and then saved through the store at
once. When saving fails the draft keeps the user's answers and the failure is remembered:

- ``stale``: another tab or server saved a newer revision. Nothing is saved from this tab until the user
  chooses to load the other version or to keep this one (save over it).
- ``unavailable``: the database cannot be written now. The next change (or "try again") saves again.
- ``not_found``: the assessment was deleted elsewhere. The user may save this copy as a new assessment.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, MutableMapping
from enum import StrEnum
from typing import Any

from vigil.models.assessment import Assessment, ChecklistPin, Meta, new_id, utc_now
from vigil.models.checklist import Checklist
from vigil.models.consent_record import ConsentRecord, merge
from vigil.store import AssessmentStore, NotFoundError, StaleWriteError, StoreUnavailableError

DRAFT = "vigil.draft"
STATUS = "vigil.save_status"
REASON = "vigil.save_reason"
GENERATION = "vigil.generation"
SECTION = "vigil.section"


class SaveStatus(StrEnum):
    saved = "saved"
    stale = "stale"
    unavailable = "unavailable"
    not_found = "not_found"


Change = Callable[[Assessment], None]


class Session:
    """The open assessment of one browser session, over a mapping and a store."""

    def __init__(self, state: MutableMapping[str, Any], store: AssessmentStore) -> None:
        self.state = state
        self.store = store

    # ------------------------------------------------------------------ reading
    @property
    def draft(self) -> Assessment | None:
        value = self.state.get(DRAFT)
        return value if isinstance(value, Assessment) else None

    @property
    def status(self) -> SaveStatus:
        return SaveStatus(self.state.get(STATUS, SaveStatus.saved.value))

    @property
    def reason_key(self) -> str:
        """The interface string that says why the store is unavailable."""
        return str(self.state.get(REASON, "store.unavailable.unavailable"))

    @property
    def generation(self) -> int:
        """Changes whenever the draft is replaced from outside, so widgets forget their old values."""
        return int(self.state.get(GENERATION, 0))

    def widget_key(self, *parts: str) -> str:
        """A widget key that names the assessment, the draft's generation and the item (e.g. a question)."""
        draft = self.draft
        aid = draft.id if draft is not None else "none"
        return ".".join(("w", aid, str(self.generation), *parts))

    # ------------------------------------------------------------------ opening and closing
    def _replace(self, assessment: Assessment | None) -> None:
        self.state[DRAFT] = assessment
        self.state[STATUS] = SaveStatus.saved.value
        self.state[GENERATION] = self.generation + 1

    def open(self, assessment_id: str) -> Assessment:
        """Load a stored assessment as the draft. Raises ``NotFoundError`` / ``StoreUnavailableError``."""
        assessment = self.store.get(assessment_id)
        self._replace(assessment)
        return assessment

    def close(self) -> None:
        self._replace(None)

    def create(self, checklist: Checklist, title: str, language: str) -> Assessment:
        """Store a new, empty assessment on ``checklist`` and open it."""
        now = utc_now()
        fresh = Assessment(
            checklist=ChecklistPin(id=checklist.id, version=checklist.version),
            meta=Meta(title=title.strip()[:2000], language=language, created=now, updated=now),
        )
        stored = self.store.create(fresh)
        self._replace(stored)
        return stored

    def adopt(self, assessment: Assessment) -> Assessment:
        """Store an imported assessment under a NEW id (it never overwrites a stored one) and open it."""
        copy = assessment.model_copy(deep=True, update={"id": new_id(), "revision": 0})
        stored = self.store.create(copy)
        self._replace(stored)
        return stored

    # ------------------------------------------------------------------ changing and saving
    def change(self, mutate: Change) -> SaveStatus:
        """Apply ``mutate`` to the draft, then save it unless another tab's version is waiting."""
        draft = self.draft
        if draft is None:
            return self.status
        mutate(draft)
        if self.status in (SaveStatus.stale, SaveStatus.not_found):
            return self.status  # the user decides first; nothing is lost, the draft holds it
        return self.save()

    def save(self) -> SaveStatus:
        """Save the draft now (also "try again" after the store was unavailable)."""
        draft = self.draft
        if draft is None:
            return self.status
        try:
            stored = self.store.save(draft)
        except StaleWriteError:
            status = SaveStatus.stale
        except NotFoundError:
            status = SaveStatus.not_found
        except StoreUnavailableError as exc:
            status = SaveStatus.unavailable
            self.state[REASON] = exc.i18n_key
        else:
            self.state[DRAFT] = stored
            status = SaveStatus.saved
        self.state[STATUS] = status.value
        return status

    def load_theirs(self) -> None:
        """Stale write: drop this tab's unsaved changes and load the stored version."""
        draft = self.draft
        if draft is not None:
            self._replace(self.store.get(draft.id))

    def keep_mine(self) -> SaveStatus:
        """Stale write: save this tab's version over the stored one."""
        draft = self.draft
        if draft is None:
            return self.status
        current = self.store.get(draft.id)
        draft.revision = current.revision
        # the consent record only grows: answers given meanwhile through a link are kept, never overwritten
        draft.consent_record = merge(current.consent_record, draft.consent_record)
        self.state[STATUS] = SaveStatus.saved.value
        return self.save()

    def save_as_new(self) -> Assessment | None:
        """Deleted elsewhere: keep this tab's copy as a new assessment."""
        draft = self.draft
        if draft is None:
            return None
        return self.adopt(draft)


def duplicate(store: AssessmentStore, assessment_id: str, title_suffix: str) -> Assessment:
    """A copy of a stored assessment under a new id, with ``title_suffix`` appended to its title."""
    source = store.get(assessment_id)
    now = utc_now()
    meta = source.meta.model_copy(update={
        "title": (source.meta.title + title_suffix)[:2000], "created": now, "updated": now,
    })
    # the relatives answered for the original, not for the copy: the copy starts with an empty consent record
    copy = source.model_copy(deep=True, update={"id": new_id(), "revision": 0, "meta": meta,
                                                "consent_record": ConsentRecord()})
    return store.create(copy)


def today() -> dt.date:
    return dt.date.today()
