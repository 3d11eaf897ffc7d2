"""Persistence of assessments: the contract the app relies on.

Implementation: ``vigil.store.sql`` (SQLAlchemy; an SQLite file by default, PostgreSQL by URL).
Every save is guarded by the assessment's ``revision``: a write based on an old revision raises
``StaleWriteError`` instead of silently overwriting another tab's or another server's change.
"""

from __future__ import annotations

import builtins
import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from vigil.models.assessment import Assessment
from vigil.models.profile import MakerProfile, PracticeDefaults, Template

if TYPE_CHECKING:
    from vigil.store.queue import QueuePage, QueueQuery


class StoreError(Exception):
    """Base of the store's errors. ``str(error)`` is a calm sentence a user can act on (in English);
    ``i18n_key`` names the interface string that says it in the user's language (``vigil/i18n/*/store.json``).
    """

    i18n_key: str = "store.unavailable.unavailable"


class StoreUnavailableError(StoreError):
    """The database cannot be read or written now (locked, read-only, folder gone, server down).

    ``reason`` names the fault (``locked``, ``read_only``, ``folder_missing``, ``file_missing``, ``disk_full``,
    ``damaged``, ``server_unreachable``, ``server_refused``, ``busy``, ``unavailable``); ``i18n_key`` is the
    interface string (``vigil/i18n/<lang>/store.json``) that says the same in the user's language.
    """

    def __init__(self, message: str = "The saved assessments cannot be reached right now. Please try again "
                 "in a moment.", reason: str = "unavailable") -> None:
        self.reason = reason
        self.i18n_key = f"store.unavailable.{reason}"
        super().__init__(message)


class StaleWriteError(StoreError):
    """The assessment was changed elsewhere (another tab or server) since this copy was loaded."""

    i18n_key = "store.stale"

    def __init__(self, assessment_id: str, expected: int, actual: int) -> None:
        self.assessment_id = assessment_id
        self.expected = expected
        self.actual = actual
        super().__init__(
            f"This assessment was changed in another tab or window (revision {actual}, "
            f"this copy has {expected})."
        )


class NotFoundError(StoreError):
    """No assessment with that id (never existed, or was deleted)."""

    i18n_key = "store.not_found"


class AlreadyExistsError(StoreError):
    """``create`` was given an assessment whose id is already stored (e.g. the same file imported twice)."""

    i18n_key = "store.already_exists"


class UnstorableTextError(StoreError):
    """The assessment holds text that no database can keep (the NUL control character); nothing was saved."""

    i18n_key = "store.unstorable_text"


class UnreadableError(StoreError):
    """A stored assessment cannot be read back: ``reason`` is ``newer`` (written in a newer format, by a newer
    Vigil) or ``damaged``. Nothing is changed; the row can still be downloaded raw or deleted."""

    def __init__(self, message: str, reason: str = "damaged") -> None:
        self.reason = reason
        self.i18n_key = "store.unreadable.newer" if reason == "newer" else "store.unreadable"
        super().__init__(message)


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
