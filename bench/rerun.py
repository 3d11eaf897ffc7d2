"""2. The questionnaire page's rerun cost with AppTest, on the busiest section of the shipped checklist, against
``bench/bare_app.py`` drawing the same widgets with no logic.

Two figures: a plain rerun (nothing changed: what every interaction pays at least), and a rerun after a
radio answer changed (the callback, the save through the store and the new evaluation included).
"""

from __future__ import annotations

import logging
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from streamlit.testing.v1 import AppTest

from bench.common import Row, median, ms, ratio
from bench.fixture import Busiest, busiest_section, full_assessment, shipped_checklist, write_spec
from tests.support.app_server import ROOT

WARMUP = 3
RUNS = 30
TIMEOUT = 60


@contextmanager
def _one_script_cache() -> Iterator[None]:
    """AppTest compiles the scripts again on every ``run()`` (a new ``ScriptCache`` each time); the server keeps
    one cache for its lifetime. Share one here too, so the figures show what a rerun costs in the server."""
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import app_test, local_script_runner

    shared = ScriptCache()
    saved = app_test.ScriptCache, local_script_runner.ScriptCache
    app_test.ScriptCache = local_script_runner.ScriptCache = lambda: shared  # type: ignore[assignment,misc]
    try:
        yield
    finally:
        app_test.ScriptCache, local_script_runner.ScriptCache = saved  # type: ignore[misc]


Step = Callable[[int], None]
Sample = tuple[float, float]
"""Wall-clock and CPU seconds (the CPU time of this process: AppTest runs the script in a thread of it)."""


def _interleaved(steps: list[Step], runs: int) -> list[list[Sample]]:
    """Warm every step up, then time them in turn, so a change in the machine's load hits them alike."""
    for i in range(WARMUP):
        for step in steps:
            step(i)
    out: list[list[Sample]] = [[] for _ in steps]
    for i in range(runs):
        for n, step in enumerate(steps):
            w0, c0 = time.perf_counter(), time.process_time()
            step(WARMUP + i)
            out[n].append((time.perf_counter() - w0, time.process_time() - c0))
    return out


def _wall(xs: list[Sample]) -> float:
    return median([w for w, _ in xs])


def _cpu(xs: list[Sample]) -> float:
    return median([c for _, c in xs])


def _check(at: AppTest, title: str) -> None:
    if at.exception:
        raise RuntimeError(f"the app failed: {[e.value for e in at.exception]}")
    headers = [h.value for h in at.header]
    if title not in headers:
        raise RuntimeError(f"the section {title!r} is not shown (headers: {headers})")


def _toggle_question(busiest: Busiest) -> tuple[str, list[str]]:
    """A radio question of the section and two of its option ids to alternate between."""
    from vigil.ui.kind_widgets import choice_options

    q = next(q for q in reversed(busiest.questions) if q.kind.value in ("yes_no", "single_choice"))
    options = choice_options(q)
    return q.id, options[:2]


def real_app(data_dir: Path) -> tuple[Step, Step, Busiest]:
    """The app on the busiest section of a stored full assessment: a plain rerun, and a rerun after an answer."""
    from vigil.store.sql import open_store

    os.environ["VIGIL_DATA_DIR"] = str(data_dir)
    os.environ.pop("VIGIL_DATABASE_URL", None)
    os.environ.pop("VIGIL_CHECKLISTS", None)
    checklist = shipped_checklist()
    assessment = full_assessment(checklist)
    busiest = busiest_section(checklist, assessment)
    store = open_store()
    stored = store.create(assessment)
    store.close()
    title = next(s.title["en"] for s in checklist.sections if s.id == busiest.section_id)

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    at.query_params["a"] = stored.id
    at.run()
    at.session_state["vigil"].sections[stored.id] = busiest.section_id
    at.run()
    _check(at, title)
    qid, values = _toggle_question(busiest)

    def plain(_: int) -> None:
        at.run()

    def answer(i: int) -> None:
        state = at.session_state["vigil"]
        key = f"w.{stored.id}.{state.generation}.{state.lang}.q.{qid}"
        at.radio(key=key).set_value(values[i % 2]).run()

    return plain, answer, busiest


def bare_app(spec: Path, busiest: Busiest) -> tuple[Step, Step]:
    os.environ["VIGIL_BENCH_SPEC"] = str(spec)
    checklist = shipped_checklist()
    title = next(s.title["en"] for s in checklist.sections if s.id == busiest.section_id)
    at = AppTest.from_file(str(ROOT / "bench" / "bare_app.py"), default_timeout=TIMEOUT)
    at.run()
    _check(at, title)
    qid, _ = _toggle_question(busiest)
    labels = list(at.radio(key=f"q.{qid}").options)[:2]

    def plain(_: int) -> None:
        at.run()

    def answer(i: int) -> None:
        at.radio(key=f"q.{qid}").set_value(labels[i % 2]).run()

    return plain, answer


def _parts(data_dir: Path) -> tuple[float, float, float]:
    """Medians (s) of what an answer adds to a rerun in the app: ``evaluate()``, ``store.save()`` on SQLite, and
    the answer's model round trip in ``kind_widgets.set_value`` (the draft is a pydantic model)."""
    from bench.fixture import TODAY
    from vigil.engine import evaluate
    from vigil.store.sql import open_store
    from vigil.ui import kind_widgets

    checklist = shipped_checklist()
    assessment = full_assessment(checklist)
    busiest = busiest_section(checklist, assessment)
    qid, values = _toggle_question(busiest)
    question = checklist.question(qid)
    os.environ["VIGIL_DATA_DIR"] = str(data_dir)
    store = open_store()
    draft = store.create(assessment)

    def timed(fn: Callable[[int], object]) -> float:
        out = []
        for i in range(RUNS):
            t0 = time.perf_counter()
            fn(i)
            out.append(time.perf_counter() - t0)
        return median(out)

    def save(i: int) -> None:
        nonlocal draft
        kind_widgets.set_value(draft, question, values[i % 2])
        draft = store.save(draft)

    ev = timed(lambda _: evaluate(checklist, draft, TODAY))
    setv = timed(lambda i: kind_widgets.set_value(draft, question, values[i % 2]))
    sv = timed(save)
    store.close()
    return ev, setv, sv - setv


class _NoContextWarning(logging.Filter):
    """AppTest, driven from this thread, makes Streamlit warn "missing ScriptRunContext"; it is harmless here."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "missing ScriptRunContext" not in record.getMessage()


def run() -> list[Row]:
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(_NoContextWarning())
    with tempfile.TemporaryDirectory(prefix="vigil-bench-") as tmp:
        checklist = shipped_checklist()
        spec = write_spec(checklist, full_assessment(checklist), Path(tmp) / "spec.json")
        with _one_script_cache():
            real_plain, real_answer, busiest = real_app(Path(tmp) / "data")
            bare_plain, bare_answer = bare_app(spec, busiest)
            plain, bare = _interleaved([real_plain, bare_plain], RUNS)
            changed, bare_changed = _interleaved([real_answer, bare_answer], RUNS)
        ev, setv, save = _parts(Path(tmp) / "parts")
    what = "2 Rerun (AppTest)"
    return [
        Row(what, f"busiest section: {busiest.section_id} ({len(busiest.questions)} questions); "
                  f"median of {RUNS} after {WARMUP}", ""),
        Row(what, "questionnaire rerun", ms(_wall(plain))),
        Row(what, "bare script, same widgets, rerun", ms(_wall(bare))),
        Row(what, "ratio questionnaire / bare (plain rerun)", ratio(_wall(plain), _wall(bare)), "<= 1.5"),
        Row(what, "  the same in CPU time (steadier on a loaded machine)",
            f"{ms(_cpu(plain))} / {ms(_cpu(bare))} = {ratio(_cpu(plain), _cpu(bare))}"),
        Row(what, "questionnaire rerun after a radio answer (callback + save)", ms(_wall(changed))),
        Row(what, "bare script rerun after a radio answer", ms(_wall(bare_changed))),
        Row(what, "ratio questionnaire / bare (answer changed)", ratio(_wall(changed), _wall(bare_changed))),
        Row(what, "  the same in CPU time",
            f"{ms(_cpu(changed))} / {ms(_cpu(bare_changed))} = {ratio(_cpu(changed), _cpu(bare_changed))}"),
        Row(what, "  in every rerun: evaluate() of the full assessment, median", ms(ev)),
        Row(what, "  after an answer: kind_widgets.set_value(), median", ms(setv)),
        Row(what, "  after an answer: store.save() on SQLite (full assessment), median", ms(save)),
    ]
