"""One line per saved assessment for the Start page: the person, progress and verdict. No Streamlit."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from vigil.catalog import Catalog
from vigil.engine import evaluate
from vigil.models.assessment import Assessment
from vigil.models.checklist import Checklist
from vigil.models.common import VerdictId
from vigil.store import AssessmentStore, NotFoundError, StoredAssessment


@dataclass(frozen=True)
class Summary:
    id: str
    title: str
    person: str
    answered: int
    required: int
    verdict: VerdictId | None
    """``None`` when this Vigil no longer has the assessment's checklist version."""
    updated: dt.datetime


def person_name(checklist: Checklist, assessment: Assessment) -> str:
    """The person the assessment is about, through the checklist's document bindings."""
    qid = checklist.documents.person_name
    answer = assessment.answers.get(qid) if qid else None
    return (answer.text or "").strip() if answer and not answer.dont_know else ""


def summarize(assessment: Assessment, checklist: Checklist | None, today: dt.date) -> Summary:
    if checklist is None:
        return Summary(assessment.id, assessment.meta.title, "", 0, 0, None, assessment.meta.updated)
    ev = evaluate(checklist, assessment, today)
    return Summary(
        id=assessment.id,
        title=assessment.meta.title,
        person=person_name(checklist, assessment),
        answered=ev.progress.answered,
        required=ev.progress.required,
        verdict=ev.verdict.id,
        updated=assessment.meta.updated,
    )


_cache: dict[tuple[str, int, dt.date], Summary] = {}


def summaries(store: AssessmentStore, catalog: Catalog, rows: list[StoredAssessment],
              today: dt.date) -> list[Summary]:
    """A summary per stored row, newest first. Each is computed once per saved revision."""
    out: list[Summary] = []
    for row in rows:
        key = (row.id, row.revision, today)
        summary = _cache.get(key)
        if summary is None:
            try:
                assessment = store.get(row.id)
            except NotFoundError:
                continue
            pin = assessment.checklist
            checklist = catalog.get(pin.id, pin.version) if catalog.has(pin.id, pin.version) else None
            summary = summarize(assessment, checklist, today)
            if len(_cache) > 2_000:
                _cache.clear()
            _cache[key] = summary
        out.append(summary)
    return out
