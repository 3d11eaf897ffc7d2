"""The load / change / save cycle of the open assessment, without Streamlit.

The canonical copy of the open assessment (the *draft*) lives in the session's ``UiState`` (vigil/ui/state.py).
Every change is applied to the draft first and then saved through the store at once. When saving fails the draft
keeps the user's answers and the failure is remembered:

- ``stale``: another tab or server saved a newer revision. Nothing is saved from this tab until the user
  chooses to load the other version or to keep this one (save over it).
- ``unavailable``: the database cannot be written now. The next change, "try again" or the background retry
  (``retry_pending``) saves again.
- ``not_found``: the assessment was deleted elsewhere. The user may save this copy as a new assessment.

The save guard: every change names what it may touch (question ids, ``META``, ``MAKER``, or ``part(field)`` for any
other top-level field of the assessment). ``change`` compares the
draft before and after and refuses (undoes, logs by question id only, never saves) a change that altered anything
else, so one widget's action can never rewrite other answers.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from typing import Any

from vigil.models.assessment import Assessment, ChecklistPin, Meta, new_id, utc_now
from vigil.models.checklist import Checklist
from vigil.models.consent_record import ConsentRecord, merge
from vigil.store import AssessmentStore, NotFoundError, StaleWriteError, StoreUnavailableError
from vigil.ui.state import SaveStatus, UiState

__all__ = ["MAKER", "META", "Change", "SaveStatus", "Session", "changed_parts", "duplicate", "part"]

log = logging.getLogger(__name__)

Change = Callable[[Assessment], None]


def part(field: str) -> str:
    """The name a change uses for a top-level field of the assessment other than answers and open items."""
    return "@" + field


META = part("meta")
"""A change to the assessment's details (title, assessor, ...)."""
MAKER = part("maker")
"""A change to the maker's details."""


def _parts(data: dict[str, Any]) -> dict[str, Any]:
    """An assessment (as JSON data) cut into the parts a change may name: one per answer and open item (by
    question id), and one per other top-level field (``part(field)``: ``META``, ``MAKER``, ...)."""
    data = dict(data)
    data.pop("revision", None)  # the store counts saves; no change makes it
    parts: dict[str, Any] = {}
    for qid, answer in data.pop("answers").items():
        parts[qid] = [answer, None]
    for qid, item in data.pop("open_items").items():
        parts.setdefault(qid, [None, None])[1] = item
    data["meta"] = {k: v for k, v in data["meta"].items() if k != "updated"}  # the store stamps it
    parts.update({part(field): value for field, value in data.items()})
    return parts


def _changed(before: dict[str, Any], after: dict[str, Any]) -> set[str]:
    a, b = _parts(before), _parts(after)
    return {k for k in a.keys() | b.keys() if a.get(k) != b.get(k)}


def changed_parts(before: Assessment, after: Assessment) -> set[str]:
    """The parts (question ids, ``META``, ``MAKER``, other ``part(field)``) that differ between two versions."""
    return _changed(before.model_dump(mode="json"), after.model_dump(mode="json"))


class Session:
    """The open assessment of one browser session, over the session's state and a store."""

    def __init__(self, state: UiState, store: AssessmentStore) -> None:
        self.state = state
        self.store = store

    # ------------------------------------------------------------------ reading
    @property
    def draft(self) -> Assessment | None:
        return self.state.draft

    @property
    def status(self) -> SaveStatus:
        return self.state.status

    @property
    def reason_key(self) -> str:
        """The interface string that says why the store is unavailable."""
        return self.state.reason

    @property
    def generation(self) -> int:
        """Changes whenever the draft is replaced from outside, so widgets forget their old values."""
        return self.state.generation

    def widget_key(self, *parts: str) -> str:
        """A widget key that names the assessment, the draft's generation, the language and the item.

        The language is part of the key because choice widgets (radio, multiselect, selectbox) send their value
        from the browser as the *label* of the chosen option. When the labels change language, the browser's old
        label matches no option and Streamlit would reset the widget to empty and report that as a change, which
        erased answers. A widget of another language is a new widget, given its value from the draft.
        """
        draft = self.draft
        aid = draft.id if draft is not None else "none"
        return ".".join(("w", aid, str(self.generation), self.state.lang or "-", *parts))

    # ------------------------------------------------------------------ opening and closing
    def _replace(self, assessment: Assessment | None) -> None:
        self.state.draft = assessment
        self.state.status = SaveStatus.saved
        self.state.saved_later = False
        self.state.generation += 1

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
    def change(self, mutate: Change, touches: Iterable[str]) -> SaveStatus:
        """Apply ``mutate`` to the draft, then save it unless another tab's version is waiting.

        ``touches`` names what the user's action may change (question ids, ``META``, ``MAKER``). A change that
        alters anything else is undone, logged (question ids only) and not saved.
        """
        draft = self.draft
        if draft is None:
            return self.status
        before = draft.model_dump(mode="json")
        mutate(draft)
        stray = _changed(before, draft.model_dump(mode="json")) - set(touches)
        if stray:
            self.state.draft = Assessment.model_validate(before)
            self.state.refused += 1
            self.state.generation += 1  # the widgets show the draft again, not the refused value
            log.warning("refused a change that would also alter %s (it named only %s)",
                        sorted(stray), sorted(set(touches)))
            return self.status
        if self.status in (SaveStatus.stale, SaveStatus.not_found):
            return self.status  # the user decides first; nothing is lost, the draft holds it
        return self.save()

    def save(self) -> SaveStatus:
        """Save the draft now (also "try again" after the store was unavailable)."""
        draft = self.draft
        if draft is None:
            return self.status
        self.state.tried_at = time.monotonic()
        try:
            stored = self.store.save(draft)
        except StaleWriteError:
            status = SaveStatus.stale
        except NotFoundError:
            status = SaveStatus.not_found
        except StoreUnavailableError as exc:
            status = SaveStatus.unavailable
            self.state.reason = exc.i18n_key
        else:
            self.state.draft = stored
            status = SaveStatus.saved
        self.state.status = status
        return status

    def retry_pending(self, min_wait_s: float = 0.0) -> bool:
        """While the store is unavailable, try to save the kept answers once more (unless the last attempt was
        less than ``min_wait_s`` ago: each attempt may wait for a lock). True when that saved them."""
        if self.draft is None or self.status != SaveStatus.unavailable:
            return False
        if time.monotonic() - self.state.tried_at < min_wait_s:
            return False
        if self.save() != SaveStatus.saved:
            return False
        self.state.saved_later = True
        return True

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
        self.state.status = SaveStatus.saved
        return self.save()

    def save_as_new(self) -> Assessment | None:
        """Deleted elsewhere: keep this tab's copy as a new assessment."""
        draft = self.draft
        if draft is None:
            return None
        return self.adopt(draft)

    def resolve(self, action: str) -> None:
        """The saving banner's choices: ``theirs``, ``mine``, ``retry`` or ``new``. Store errors become the status."""
        try:
            if action == "theirs":
                self.load_theirs()
            elif action == "mine":
                self.keep_mine()
            elif action == "retry":
                self.save()
            elif action == "new":
                self.save_as_new()
        except NotFoundError:
            self.state.status = SaveStatus.not_found
        except StoreUnavailableError:
            self.state.status = SaveStatus.unavailable


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
