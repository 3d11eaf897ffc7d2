"""Persistence of assessments: the contract the app relies on.

Implementation: ``vigil.store.sql`` (SQLAlchemy; an SQLite file by default, PostgreSQL by URL).
Every save is guarded by the assessment's ``revision``: a write based on an old revision raises
``StaleWriteError`` instead of silently overwriting another tab's or another server's change.
"""

from __future__ import annotations

import builtins
import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Protocol

from vigil.models.assessment import Assessment
from vigil.models.profile import MakerProfile, PracticeDefaults, Template

if TYPE_CHECKING:
    from vigil.store.queue import QueuePage, QueueQuery


class StoreError(Exception):
    """The saved assessments cannot be read or written as asked.

    The store speaks no user's language (i18n stays at the edges): ``i18n_key`` names the interface string that
    says the fault to a user (``vigil/i18n/<lang>/store.json``); the command line and the pages say it with
    ``vigil.i18n.faults.fault_words``. ``detail`` is the store's own English sentence when the fault has
    particulars for whoever runs Vigil (a setting, a schema step, a revision): a subclass's ``template`` filled
    with the error's ``params``, else None. ``str(error)`` is an English sentence for logs: the detail, else the
    first line of the class's docstring.
    """

    i18n_key: str = "store.unavailable.unavailable"
    template: ClassVar[str | None] = None

    def __init__(self, detail: str | None = None, **params: object) -> None:
        self.params = params
        if detail is None and self.template is not None:
            detail = self.template.format(**params)
        self.detail = detail
        super().__init__(detail or self.summary())

    def summary(self) -> str:
        return (type(self).__doc__ or "").strip().splitlines()[0]


class StoreUnavailableError(StoreError):
    """The database cannot be read or written now.

    ``reason`` names the fault (``locked``, ``read_only``, ``folder_missing``, ``file_missing``, ``disk_full``,
    ``damaged``, ``server_unreachable``, ``server_refused``, ``busy``, ``unavailable``); the interface string is
    ``store.unavailable.<reason>``.
    """

    def __init__(self, detail: str | None = None, reason: str = "unavailable") -> None:
        self.reason = reason
        self.i18n_key = f"store.unavailable.{reason}"
        super().__init__(detail)

    def summary(self) -> str:
        return f"The database cannot be read or written now ({self.reason})."


class StaleWriteError(StoreError):
    """The assessment was changed elsewhere (another tab or server) since this copy was loaded."""

    i18n_key = "store.stale"
    template = "This assessment was changed in another tab or window (revision {actual}, this copy has {expected})."

    def __init__(self, assessment_id: str, expected: int, actual: int) -> None:
        self.assessment_id, self.expected, self.actual = assessment_id, expected, actual
        super().__init__(expected=expected, actual=actual)


class NotFoundError(StoreError):
    """No assessment (or template) with that id is stored: it never existed, or was deleted."""

    i18n_key = "store.not_found"


class AlreadyExistsError(StoreError):
    """An assessment with that id is already stored (the same file imported twice, say)."""

    i18n_key = "store.already_exists"


class UnstorableTextError(StoreError):
    """The assessment holds text no database can keep (the NUL control character); nothing was saved."""

    i18n_key = "store.unstorable_text"


class UnreadableError(StoreError):
    """A stored record cannot be read back: written in a newer format (by a newer Vigil) or damaged.

    ``reason`` is ``newer`` or ``damaged``. Nothing is changed; the row can still be downloaded raw or deleted.
    """

    def __init__(self, detail: str | None = None, reason: str = "damaged") -> None:
        self.reason = reason
        self.i18n_key = "store.unreadable.newer" if reason == "newer" else "store.unreadable"
        super().__init__(detail)

    def summary(self) -> str:
        return f"A stored record cannot be read back ({self.reason})."


@dataclass(frozen=True)
class StoredAssessment:
    """A row of the list of saved assessments."""

    id: str
    title: str
    checklist_id: str
    checklist_version: str
    updated: dt.datetime
    revision: int


class AssessmentStore(Protocol):
    def create(self, assessment: Assessment) -> Assessment:
        """Insert a new assessment; returns it as stored (revision 1)."""
        ...

    def get(self, assessment_id: str) -> Assessment:
        """The stored assessment. Raises ``NotFoundError``."""
        ...

    def save(self, assessment: Assessment) -> Assessment:
        """Store ``assessment`` if the stored revision still equals ``assessment.revision``.

        Returns the stored copy with ``revision + 1`` and a new ``meta.updated``.
        Raises ``StaleWriteError`` when the stored revision differs, ``NotFoundError`` when it was deleted.
        """
        ...

    def delete(self, assessment_id: str) -> None:
        """Delete the assessment for good (no soft delete, no copy kept). Raises ``NotFoundError``."""
        ...

    def list(self) -> list[StoredAssessment]:
        """Every stored assessment, most recently changed first."""
        ...

    def queue(self, query: QueueQuery) -> QueuePage:
        """One page of the work queue, from the summary columns kept at each save (no document is read)."""
        ...

    def raw(self, assessment_id: str) -> str:
        """The stored document as JSON text, even one this version cannot open. Raises ``NotFoundError``."""
        ...

    # the practice: profile, defaults and templates (vigil/store/practice_sql.py)
    def profile(self) -> MakerProfile: ...

    def save_profile(self, profile: MakerProfile) -> None: ...

    def practice_defaults(self, checklist_id: str) -> PracticeDefaults | None: ...

    def save_practice_defaults(self, defaults: PracticeDefaults) -> None: ...

    def templates(self) -> builtins.list[Template]: ...

    def template(self, template_id: str) -> Template: ...

    def save_template(self, template: Template) -> Template: ...

    def delete_template(self, template_id: str) -> None: ...
