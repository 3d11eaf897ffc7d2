"""2. The questionnaire page's rerun cost with AppTest, on the busiest section of the shipped checklist, against
``bench/bare_app.py`` drawing the same widgets with no logic.

Two figures: a plain rerun (nothing changed: what every interaction pays at least), and a rerun after a
radio answer changed (the callback, the save through the store and the new evaluation included).
"""

from __future__ import annotations

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
RUNS = 15
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


def _times(step: Callable[[int], None], runs: int) -> list[float]:
    for i in range(WARMUP):
        step(i)
    out = []
    for i in range(runs):
        t0 = time.perf_counter()
        step(WARMUP + i)
        out.append(time.perf_counter() - t0)
    return out


def _check(at: AppTest, title: str) -> None:
    if at.exception:
        raise RuntimeError(f"the app failed: {[e.value for e in at.exception]}")
    headers = [h.value for h in at.header]
    if title not in headers:
        raise RuntimeError(f"the section {title!r} is not shown (headers: {headers})")


def _toggle_question(busiest: Busiest) -> tuple[str, list[str]]:
    """A radio question of the section and two of its option ids to alternate between."""
    from vigil.ui.answers import choice_options

    q = next(q for q in reversed(busiest.questions) if q.kind.value in ("yes_no", "single_choice"))
    options = choice_options(q)
    return q.id, options[:2]


def real_app(data_dir: Path) -> tuple[list[float], list[float], Busiest]:
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
    at.session_state[f"vigil.section.{stored.id}"] = busiest.section_id
    at.run()
    _check(at, title)
    plain = _times(lambda _: at.run(), RUNS)
    _check(at, title)

    qid, values = _toggle_question(busiest)

    def answer(i: int) -> None:
        key = f"w.{stored.id}.{at.session_state['vigil.generation']}.q.{qid}"
        at.radio(key=key).set_value(values[i % 2]).run()

    changed = _times(answer, RUNS)
    _check(at, title)
    saved = open_store().get(stored.id)
    if saved.answers[qid].choice not in values and not saved.answers[qid].dont_know:
        raise RuntimeError("the answer change was not saved")
    return plain, changed, busiest


def bare_app(spec: Path, busiest: Busiest) -> tuple[list[float], list[float]]:
    os.environ["VIGIL_BENCH_SPEC"] = str(spec)
    checklist = shipped_checklist()
    title = next(s.title["en"] for s in checklist.sections if s.id == busiest.section_id)
    at = AppTest.from_file(str(ROOT / "bench" / "bare_app.py"), default_timeout=TIMEOUT)
    at.run()
    _check(at, title)
    plain = _times(lambda _: at.run(), RUNS)
    qid, _ = _toggle_question(busiest)
    radio = at.radio(key=f"q.{qid}")
    labels = list(radio.options)[:2]

    def answer(i: int) -> None:
        at.radio(key=f"q.{qid}").set_value(labels[i % 2]).run()

    changed = _times(answer, RUNS)
    _check(at, title)
    return plain, changed


def _parts(data_dir: Path) -> tuple[float, float, float]:
    """Medians (s) of what an answer adds to a rerun in the app: ``evaluate()``, ``store.save()`` on SQLite, and
    the answer's model round trip in ``answers.set_value`` (the draft is a pydantic model)."""
    from bench.fixture import TODAY
    from vigil.engine import evaluate
    from vigil.store.sql import open_store
    from vigil.ui import answers

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
        answers.set_value(draft, question, values[i % 2])
        draft = store.save(draft)

    ev = timed(lambda _: evaluate(checklist, draft, TODAY))
    setv = timed(lambda i: answers.set_value(draft, question, values[i % 2]))
    sv = timed(save)
    store.close()
    return ev, setv, sv - setv


def run() -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="vigil-bench-") as tmp:
        checklist = shipped_checklist()
        spec = write_spec(checklist, full_assessment(checklist), Path(tmp) / "spec.json")
        with _one_script_cache():
            plain, changed, busiest = real_app(Path(tmp) / "data")
            bare_plain, bare_changed = bare_app(spec, busiest)
        ev, setv, save = _parts(Path(tmp) / "parts")
    what = "2 Rerun (AppTest)"
    return [
        Row(what, f"busiest section: {busiest.section_id} ({len(busiest.questions)} questions)", ""),
        Row(what, f"questionnaire rerun, median of {RUNS} after {WARMUP} warm-up", ms(median(plain))),
        Row(what, "bare script, same widgets, rerun median", ms(median(bare_plain))),
        Row(what, "ratio questionnaire / bare (plain rerun)", ratio(median(plain), median(bare_plain)), "<= 1.5"),
        Row(what, "questionnaire rerun after a radio answer (save incl.), median", ms(median(changed))),
        Row(what, "bare script rerun after a radio answer, median", ms(median(bare_changed))),
        Row(what, "ratio questionnaire / bare (answer changed)", ratio(median(changed), median(bare_changed))),
        Row(what, "  in every rerun: evaluate() of the full assessment, median", ms(ev)),
        Row(what, "  after an answer: answers.set_value(), median", ms(setv)),
        Row(what, "  after an answer: store.save() on SQLite (full assessment), median", ms(save)),
    ]
