"""1. The report PDF for a full assessment: ``report_pdf(...)`` against the bare ``typst.compile`` call.

The bare call is captured from ``report_pdf`` itself (same template, root, fonts, payload JSON, standards),
then replayed: the difference is our own overhead (evaluate, facts, payload, JSON, error handling).
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
import time
from collections.abc import Callable
from typing import Any

import typst

from bench.common import Row, median, ms, ratio
from bench.fixture import LANG, TODAY, full_assessment, shipped_checklist
from vigil.models.assessment import Assessment

RUNS = 12
STAMP = dt.datetime(2026, 11, 20, tzinfo=dt.UTC)


def _timed(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def _timed_both(fn: Callable[[], object]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of this process (all threads). CPU time hardly moves when other programs
    load the machine, so it is the steadier figure for comparing variants."""
    w0, c0 = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - w0, time.process_time() - c0


def _captured_compile(fn: Callable[[], object]) -> tuple[tuple[Any, ...], dict[str, Any]]:
    """Run ``fn`` with the worker pool replaced (nothing is compiled) and return the ``typst.compile`` arguments
    the worker would have used: the bare, in-process call with the font set built once."""
    from vigil.render import compile as compiling
    from vigil.render.fonts import make_fonts

    seen: list[dict[str, Any]] = []
    real = compiling._POOL.run

    def spy(request: bytes, seconds: float) -> bytes:
        seen.append(json.loads(request))
        return b"P"

    compiling._POOL.run = spy  # type: ignore[method-assign]
    try:
        fn()
    finally:
        compiling._POOL.run = real  # type: ignore[method-assign]
    if len(seen) != 1:
        raise RuntimeError(f"report_pdf asked for {len(seen)} compilations")
    r = seen[0]
    dirs = tuple(r["font_dirs"])
    if dirs not in _FONTS:
        _FONTS[dirs] = make_fonts(dirs)
    return (r["template"],), {"root": r["root"], "font_paths": _FONTS[dirs], "sys_inputs": {"data": r["data"]},
                              "pdf_standards": ["ua-1"], "timestamp": r["timestamp"]}


_FONTS: dict[tuple[str, ...], typst.Fonts] = {}


def _variant(assessment: Assessment, i: int) -> Assessment:
    """The same assessment under another title: a new input, as after any edit (Typst's memo cache misses)."""
    meta = assessment.meta.model_copy(update={"title": f"{assessment.meta.title} (version {i})"})
    return assessment.model_copy(update={"meta": meta})


def _with_data(kwargs: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    return {**kwargs, "sys_inputs": {**kwargs["sys_inputs"], "data": json.dumps(data, ensure_ascii=False,
                                                                                sort_keys=True)}}


def _ablations(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The payload with one part left out, to see which part of the document costs what."""
    out: dict[str, dict[str, Any]] = {}
    if isinstance(data.get("sections"), list):
        no_notes = copy.deepcopy(data)
        for sec in no_notes["sections"]:
            for q in sec.get("questions", []):
                if "note" in q:
                    q["note"] = ""
        out["without the notes"] = no_notes
        no_answers = copy.deepcopy(data)
        no_answers["sections"] = []
        out["without the answers section"] = no_answers
    if isinstance(data.get("people"), dict) and isinstance(data["people"].get("rows"), list):
        no_people = copy.deepcopy(data)
        no_people["people"]["rows"] = []
        out["without the people table"] = no_people
    return out


def run() -> list[Row]:
    from vigil.engine import evaluate
    from vigil.render import report_pdf

    checklist = shipped_checklist()
    assessment = full_assessment(checklist)

    def ours(i: int) -> bytes:
        return report_pdf(checklist, _variant(assessment, i), LANG, TODAY, timestamp=STAMP)

    from vigil.render import compile as compiling

    compiling._POOL.close()
    first = _timed(lambda: ours(-2))  # a fresh worker: process start, imports, font set, then the document
    pdf = ours(-1)  # warm-up: fonts, template
    calls = [_captured_compile(lambda i=i: ours(1000 + i)) for i in range(RUNS)]  # type: ignore[misc]
    ours_t, bare_t = [], []
    for i, (a, k) in enumerate(calls):  # interleaved, so a change in the machine's load hits both alike
        ours_t.append(_timed_both(lambda i=i: ours(i)))  # type: ignore[misc]
        bare_t.append(_timed_both(lambda a=a, k=k: typst.compile(*a, **k)))  # type: ignore[misc]
    # the same input again and again: Typst's in-process memo cache answers most of it
    same_ours = [_timed(lambda: ours(0)) for _ in range(RUNS)]
    args, kwargs = calls[0]
    same_bare = [_timed(lambda: typst.compile(*args, **kwargs)) for _ in range(RUNS)]
    eval_t = [_timed(lambda: evaluate(checklist, assessment, TODAY)) for _ in range(RUNS)]
    data = json.loads(kwargs["sys_inputs"]["data"])
    json_t = [_timed(lambda: json.dumps(data, ensure_ascii=False, sort_keys=True)) for _ in range(RUNS)]
    try:
        from pypdf import PdfReader

        pages = str(len(PdfReader(io.BytesIO(pdf)).pages))
    except ImportError:
        pages = "?"
    people = len(next((a.people for a in assessment.answers.values() if a.people), []) or [])
    notes = sum(1 for a in assessment.answers.values() if len(a.note) >= 1900)
    what = "1 Report PDF"
    m_ours, m_bare = median([w for w, _ in ours_t]), median([w for w, _ in bare_t])
    c_ours, c_bare = median([c for _, c in ours_t]), median([c for _, c in bare_t])
    rows = [
        Row(what, f"input: {len(assessment.answers)} answers, {people} relatives, {notes} notes of ~2,000 chars",
            f"{pages} pages, {len(pdf) // 1024} KiB"),
        Row(what, f"report_pdf(), new input each run, median of {RUNS}", ms(m_ours), "<= 150 ms"),
        Row(what, f"bare typst.compile in this process (same template, JSON, fonts), median of {RUNS}", ms(m_bare)),
        Row(what, "ratio report_pdf (in a worker process) / bare compile (our overhead)", ratio(m_ours, m_bare)),
        Row(what, "  first document of a fresh worker (process start, imports, font set)", ms(first)),
        Row(what, "  CPU time: report_pdf / bare compile (medians)", f"{ms(c_ours)} / {ms(c_bare)}"),
        Row(what, "  our part: evaluate() median", ms(median(eval_t))),
        Row(what, f"  our part: json.dumps of the payload ({len(kwargs['sys_inputs']['data']) // 1024} KiB)",
            ms(median(json_t))),
        Row(what, "report_pdf(), identical input repeated (Typst memo cache)", ms(median(same_ours))),
        Row(what, "bare compile, identical input repeated (Typst memo cache)", ms(median(same_bare))),
    ]
    for name, part in _ablations(data).items():
        inputs = [_with_data(kwargs, {**part, "_bench": i}) for i in range(5)]
        times = [_timed_both(lambda k=k: typst.compile(*args, **k))[1] for k in inputs]  # type: ignore[misc]
        rows.append(Row(what, f"  CPU time of the bare compile {name}, median of 5", ms(median(times))))
    return rows
