"""``vigil assess FILE|DIR ... --format csv|jsonl``: one row per assessment file, for spreadsheets.

Each row: the file, the assessment's reference and title, the verdict, progress, what blocks it (the findings that
must be settled first) and who must still agree (people in the register not yet asked or undecided). The checklists
are loaded once. A file that cannot be read is one line on stderr; the others are still assessed (exit code 2).
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from vigil.assessment_file import AssessmentFileError, read_assessment
from vigil.catalog import Catalog
from vigil.cli.table import one_line, write
from vigil.engine import evaluate
from vigil.i18n import words
from vigil.models.assessment import Assessment
from vigil.models.checklist import Checklist
from vigil.models.common import Severity, pick
from vigil.models.results import Evaluation
from vigil.visibility import visible_answers

COLUMNS = ("file", "id", "reference", "title", "verdict", "answered", "required", "progress", "blockers",
           "must_still_agree")
AGREED_OR_REFUSED = {"agrees", "objects"}
CHUNK = 50


def files(paths: list[str]) -> Iterator[Path]:
    """The files named, and the ``*.json`` files in each folder named (sorted, recursively)."""
    for name in paths:
        path = Path(name)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.json") if p.is_file())
        else:
            yield path


def must_still_agree(checklist: Checklist, assessment: Assessment, today: dt.date) -> list[str]:
    """People in the (visible) register whose position is not yet given, not asked or undecided: "Name (relation)"."""
    b = checklist.documents
    if not (b.people and b.people_name_field and b.people_position_field):
        return []
    _, effective = visible_answers(checklist, assessment.answers, today)
    answer = effective.get(b.people)
    if answer is None or not answer.people:
        return []
    question = checklist.question(b.people)
    relation = next((f for f in question.fields if f.id == b.people_relation_field), None)
    out = []
    for person in answer.people:
        if (person.values.get(b.people_position_field) or "") in AGREED_OR_REFUSED:
            continue
        name = str(person.values.get(b.people_name_field) or "?")
        rel = person.values.get(relation.id) if relation else None
        label = next((pick(o.label, "en") for o in relation.options if o.id == rel), "") if relation else ""
        out.append(f"{name} ({label})" if label else name)
    return out


def row(path: Path, checklist: Checklist, assessment: Assessment, ev: Evaluation, today: dt.date,
        lang: str) -> dict[str, Any]:
    blockers = [words(f.message, lang) for f in ev.findings if f.severity in (Severity.blocker, Severity.serious)]
    return {
        "file": str(path), "id": assessment.id, "reference": assessment.meta.reference,
        "title": assessment.meta.title, "verdict": ev.verdict.id.value, "answered": ev.progress.answered,
        "required": ev.progress.required, "progress": round(ev.progress.ratio, 4), "blockers": blockers,
        "must_still_agree": must_still_agree(checklist, assessment, today),
    }


def _assess_chunk(paths: list[Path], catalog: Catalog, today: dt.date, lang: str
                  ) -> list[dict[str, Any] | str]:
    """Rows for ``paths`` in order; a file that cannot be read is its one-line error instead."""
    out: list[dict[str, Any] | str] = []
    for path in paths:
        try:
            assessment, checklist = read_assessment(path, catalog)
        except (AssessmentFileError, OSError) as exc:
            out.append(one_line(f"{path}: {exc}"))
            continue
        out.append(row(path, checklist, assessment, evaluate(checklist, assessment, today), today, lang))
    return out


_shared: tuple[Catalog, dt.date, str] | None = None


def _in_worker(paths: list[Path]) -> list[dict[str, Any] | str]:
    assert _shared is not None
    return _assess_chunk(paths, *_shared)


def _chunks(paths: list[str], catalog: Catalog, today: dt.date, lang: str) -> Iterator[list[dict[str, Any] | str]]:
    """The files in chunks, in order; with many files, assessed in parallel (one process per core, forked so that
    the loaded checklists are shared)."""
    found = list(files(paths))
    chunks = [found[i:i + CHUNK] for i in range(0, len(found), CHUNK)]
    workers = min(os.cpu_count() or 1, len(chunks))
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        for chunk in chunks:
            yield _assess_chunk(chunk, catalog, today, lang)
        return
    global _shared
    _shared = (catalog, today, lang)
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            yield from pool.map(_in_worker, chunks)
    finally:
        _shared = None


def assess_many(paths: list[str], catalog: Catalog, today: dt.date, lang: str, fmt: str) -> int:
    """Write one row per readable file; report the others on stderr. Returns how many could not be read."""
    bad = 0

    def rows() -> Iterator[dict[str, Any]]:
        nonlocal bad
        for chunk in _chunks(paths, catalog, today, lang):
            for item in chunk:
                if isinstance(item, str):
                    print(item, file=sys.stderr)
                    bad += 1
                else:
                    yield item

    write(rows(), COLUMNS, fmt)
    return bad
