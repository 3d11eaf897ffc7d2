"""What the work queue lists about each assessment, kept by the store in columns written at each save.

``summarize`` is pure: the caller (the store's save path) passes the checklist and the engine's evaluation.
``Summarizer`` is what the store is given to find the checklist and evaluate; ``catalog_summarizer`` uses the
checklists this Vigil ships and today's date.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from vigil.catalog import Catalog, default_directory, load_catalog
from vigil.engine import evaluate
from vigil.models.assessment import Assessment
from vigil.models.checklist import Checklist
from vigil.models.common import VerdictId
from vigil.models.kinds import spec
from vigil.models.results import Evaluation

SUMMARY_VERSION = 1
"""Raised when what a summary holds or how it is computed changes: rows with an older one are summarised again
when a server starts."""

NOT_ASKED = "not_asked"
"""The option id a people register uses for "not asked yet" (a person with that choice, or none yet, in a
field that offers it counts as not yet asked)."""


@dataclass(frozen=True)
class Summary:
    """The summary columns of one row. ``verdict`` and the counts are None when the checklist is not here."""

    title: str
    reference: str
    search: str
    format_version: int
    verdict: VerdictId | None = None
    answered: int | None = None
    required: int | None = None
    not_asked: int | None = None
    next_due: dt.date | None = None

    @property
    def unanswered(self) -> int | None:
        if self.answered is None or self.required is None:
            return None
        return max(self.required - self.answered, 0)


Summarizer = Callable[[Assessment], Summary]


def search_key(*texts: str) -> str:
    """Text folded for searching: case and accents do not matter (``Jürgen`` is found by ``jurgen``)."""
    joined = "\n".join(texts)
    decomposed = unicodedata.normalize("NFKD", joined.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def basic(assessment: Assessment) -> Summary:
    """What the assessment itself says (no checklist needed)."""
    meta = assessment.meta
    return Summary(
        title=meta.title,
        reference=meta.reference,
        search=search_key(meta.title, meta.reference),
        format_version=assessment.format_version,
    )


def not_yet_asked(checklist: Checklist, assessment: Assessment, evaluation: Evaluation) -> int:
    """People in the visible registers whose position is "not asked yet" or not given."""
    visible = set(evaluation.visible_questions)
    count = 0
    for section in checklist.sections:
        for q in section.questions:
            if spec(q.kind).field != "people" or q.id not in visible:
                continue
            answer = assessment.answers.get(q.id)
            if answer is None or answer.dont_know or not answer.people:
                continue
            fields = [f.id for f in q.fields if any(o.id == NOT_ASKED for o in f.options)]
            count += sum(
                1 for p in answer.people for fid in fields if (p.values.get(fid) or NOT_ASKED) == NOT_ASKED
            )
    return count


def summarize(checklist: Checklist, assessment: Assessment, evaluation: Evaluation) -> Summary:
    due = [item.due for item in evaluation.open_items if item.due is not None and not item.done]
    return dataclasses.replace(
        basic(assessment),
        verdict=evaluation.verdict.id,
        answered=evaluation.progress.answered,
        required=evaluation.progress.required,
        not_asked=not_yet_asked(checklist, assessment, evaluation),
        next_due=min(due) if due else None,
    )


_load_lock = threading.Lock()


@cache
def _catalog_in(directory: Path) -> Catalog:
    return load_catalog(directory)


def _shipped_catalog() -> Catalog:
    """The checklists of ``VIGIL_CHECKLISTS`` or the shipped ones, loaded once per folder (a process that changes
    the setting, such as a test, gets the folder it names, not the first one it loaded)."""
    return _catalog_in(default_directory())


def catalog_summarizer(catalog: Catalog | Callable[[], Catalog] | None = None) -> Summarizer:
    """Summaries with ``catalog`` (a catalog, or a function giving it when first needed), else the checklists
    Vigil ships (loaded once per process, now, so that no save waits for it). As of today."""
    if catalog is None:
        with _load_lock:
            shipped = _shipped_catalog()
        catalog = shipped

    @cache
    def loaded() -> Catalog:
        return catalog if isinstance(catalog, Catalog) else catalog()

    def current() -> Catalog:
        with _load_lock:  # one thread loads it; the others wait instead of loading it again
            return loaded()

    def summarizer(assessment: Assessment) -> Summary:
        pin = assessment.checklist
        cat = current()
        if not cat.has(pin.id, pin.version):
            return basic(assessment)
        checklist = cat.get(pin.id, pin.version)
        return summarize(checklist, assessment, evaluate(checklist, assessment, dt.date.today()))

    return summarizer
