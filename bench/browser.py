"""3. In Chromium, against the real app: from a click on an answer to the sidebar's live status updated, and from
"Next" to the next section shown; the same two clicks in ``bench/bare_app.py`` (the radio's value echoed in
the sidebar) give the ratios.

Each figure is ``time.perf_counter()`` around the click and the wait for its signal: the sidebar's text
differs from before the click (answer), or the next section's heading is visible (next). Before the next
click the app's script run must have finished, so clicks never overlap.
"""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from bench import web
from bench.common import Row, median, ms, p95, ratio
from bench.fixture import LANG, TODAY, busiest_section, full_assessment, shipped_checklist, write_spec
from tests.support.app_server import ROOT, AppServer
from vigil.engine import evaluate
from vigil.i18n import t
from vigil.models.checklist import Checklist, Question, QuestionKind
from vigil.models.common import pick
from vigil.ui.answers import DONT_KNOW, choice_options

WARMUP = 2
CLICKS = 20


@dataclass
class Target:
    """What is clicked, the same in both apps."""

    title: str
    section_title: str
    question: Question
    labels: tuple[str, str]
    next_button: str
    sections: list[tuple[str, str]]
    """The visible sections (id, title) in order."""


def _option_label(q: Question, option_id: str) -> str:
    if q.kind == QuestionKind.yes_no:
        return t(LANG, f"answer.{option_id}")
    return pick(next(o for o in q.options if o.id == option_id).label, LANG)


def _radio_questions(checklist: Checklist, questions: list[Question]) -> list[Question]:
    """The section's radio questions, those no visibility condition depends on first (the page keeps its shape)."""
    from vigil.conditions import references

    named: set[str] = set()
    for s in checklist.sections:
        for cond in [s.visible_if, *(q.visible_if for q in s.questions)]:
            if cond is not None:
                named.update(r.question for r in references(cond))
    radios = [q for q in questions if q.kind in (QuestionKind.yes_no, QuestionKind.single_choice)]
    return sorted(radios, key=lambda q: q.id in named)


def _time_answers(page: Page, q: Question, labels: tuple[str, str]) -> list[float]:
    radio = page.locator(f'[class*="-q-{q.id}"]').first
    out = []
    for i in range(WARMUP + CLICKS):
        option = radio.get_by_text(labels[(i + 1) % 2], exact=True)  # labels[0] is selected at first
        before = web.sidebar_text(page)
        t0 = time.perf_counter()
        option.click()
        web.wait_sidebar_changed(page, before)
        elapsed = time.perf_counter() - t0
        web.wait_idle(page)
        if i >= WARMUP:
            out.append(elapsed)
    return out


def _time_next(page: Page, target: Target, step_prefix: str) -> list[tuple[str, float]]:
    """Walk the visible sections with "Next" from the first to the last, as often as needed; each "Next" is a
    sample (the first WARMUP are dropped). Going back to the first section (a step button) is not timed."""
    out: list[tuple[str, float]] = []
    sections = target.sections
    while len(out) < CLICKS + WARMUP:
        page.locator(f"{step_prefix}{sections[0][0]} button").first.click()
        web.wait_heading(page, 2, sections[0][1])
        web.wait_idle(page)
        for sid, title in sections[1:]:
            t0 = time.perf_counter()
            page.locator(f"{target.next_button} button").first.click()
            web.wait_heading(page, 2, title)
            out.append((sid, time.perf_counter() - t0))
            web.wait_idle(page)
            if len(out) >= CLICKS + WARMUP:
                break
    return out[WARMUP:]


def _probe(page: Page, q: Question, labels: tuple[str, str]) -> bool:
    """Select ``labels[0]``, then check that alternating to the other option and back changes the sidebar."""
    radio = page.locator(f'[class*="-q-{q.id}"]').first
    radio.get_by_text(labels[0], exact=True).click()
    page.wait_for_timeout(1_500)  # a rerun, if that click started one, is under way by now
    web.wait_idle(page)
    for label in (labels[1], labels[0]):
        before = web.sidebar_text(page)
        radio.get_by_text(label, exact=True).click()
        try:
            web.wait_sidebar_changed(page, before, timeout_ms=5_000)
        except PlaywrightTimeoutError:
            web.wait_idle(page)
            return False
        web.wait_idle(page)
    return True


def _option_label_any(q: Question, option_id: str) -> str:
    return t(LANG, "answer.dont_know") if option_id == DONT_KNOW else _option_label(q, option_id)


def _real(b: Browser, tmp: Path) -> tuple[list[float], list[tuple[str, float]], Target]:
    checklist = shipped_checklist()
    assessment = full_assessment(checklist)
    busiest = busiest_section(checklist, assessment)
    sections = [(s.id, pick(next(x.title for x in checklist.sections if x.id == s.id), LANG))
                for s in evaluate(checklist, assessment, TODAY).sections]
    (aid,) = web.data_dir_with(tmp / "data", [assessment])
    server = AppServer(tmp / "data", log=tmp / "app.log")
    server.start()
    ctx = web.new_context(b)
    try:
        page = ctx.new_page()
        title = pick(checklist.title, LANG)
        section_title = dict(sections)[busiest.section_id]
        web.open_assessment(page, server, aid, title)
        step_prefix = f".st-key-vigil-step-{aid}-"
        page.locator(f"{step_prefix}{busiest.section_id} button").first.click()
        web.wait_heading(page, 2, section_title)
        web.wait_idle(page)
        chosen: Target | None = None
        for q in _radio_questions(checklist, busiest.questions):
            options = choice_options(q)
            for pair in ((options[0], options[-1]), (options[0], options[1])):
                labels = (_option_label_any(q, pair[0]), _option_label_any(q, pair[1]))
                if _probe(page, q, labels):
                    chosen = Target(title, section_title, q, labels, ".st-key-vigil-q-next", sections)
                    break
            if chosen:
                break
        if chosen is None:
            raise RuntimeError("no radio in the busiest section changes the live status")
        answers = _time_answers(page, chosen.question, chosen.labels)
        nexts = _time_next(page, chosen, step_prefix)
    finally:
        ctx.close()
        server.stop()
    return answers, nexts, chosen


def _bare(b: Browser, tmp: Path, target: Target) -> tuple[list[float], list[tuple[str, float]]]:
    checklist = shipped_checklist()
    spec = write_spec(checklist, full_assessment(checklist), tmp / "spec.json")
    server = AppServer(tmp / "bare-data", script=ROOT / "bench" / "bare_app.py",
                       env={"VIGIL_BENCH_SPEC": str(spec)}, log=tmp / "bare.log")
    server.start()
    ctx = web.new_context(b)
    try:
        page = ctx.new_page()
        page.goto(server.url)
        web.wait_heading(page, 2, target.section_title)
        web.wait_idle(page)
        answers = _time_answers(page, target.question, target.labels)
        bare_target = Target(target.title, target.section_title, target.question, target.labels, ".st-key-next",
                             target.sections)
        nexts = _time_next(page, bare_target, ".st-key-step-")
    finally:
        ctx.close()
        server.stop()
    return answers, nexts


def run(b: Browser) -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="vigil-bench-") as name:
        tmp = Path(name)
        answers, next_by_section, target = _real(b, tmp)
        bare_answers, bare_next_by_section = _bare(b, tmp, target)
    nexts = [x for _, x in next_by_section]
    bare_nexts = [x for _, x in bare_next_by_section]
    slow_sid, slow = max(next_by_section, key=lambda p: p[1])
    bare_slow = max((x for sid, x in bare_next_by_section if sid == slow_sid), default=0.0)
    what = "3 Browser clicks"
    q = target.question
    return [
        Row(what, f"answer: {q.id!r} in {target.section_title!r}, {target.labels[0]!r} <-> {target.labels[1]!r}, "
                  f"{CLICKS} clicks after {WARMUP}", ""),
        Row(what, "answer -> live status updated, median", ms(median(answers))),
        Row(what, "answer -> live status updated, p95", ms(p95(answers)), "<= 300 ms"),
        Row(what, "bare app: radio -> echo in sidebar, median", ms(median(bare_answers))),
        Row(what, "bare app: radio -> echo in sidebar, p95", ms(p95(bare_answers))),
        Row(what, "ratio answer / bare (median)", ratio(median(answers), median(bare_answers)), "<= 1.3"),
        Row(what, f"next: every section in turn ({len(target.sections)}), {CLICKS} clicks after {WARMUP}", ""),
        Row(what, "next -> next section shown, median", ms(median(nexts))),
        Row(what, "next -> next section shown, p95", ms(p95(nexts)), "<= 300 ms"),
        Row(what, "bare app: next -> next section shown, median", ms(median(bare_nexts))),
        Row(what, "bare app: next -> next section shown, p95", ms(p95(bare_nexts))),
        Row(what, "ratio next / bare (median)", ratio(median(nexts), median(bare_nexts)), "<= 1.3"),
        Row(what, f"slowest next: to {slow_sid!r} (bare app, same section)", f"{ms(slow)} ({ms(bare_slow)})"),
    ]


if __name__ == "__main__":
    with web.browser() as br:
        from bench.common import table

        print(table(run(br)))
