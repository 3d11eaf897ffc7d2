"""3. In Chromium, against the real app: from a click on an answer to the sidebar's live status updated, and from
"Next" to the next section shown; the same two clicks in ``bench/bare_app.py`` (the radio's value echoed in
the sidebar) give the ratios.

Each figure is ``time.perf_counter()`` around the click and the wait for its signal: the sidebar's text
differs from before the click (answer), or the next section's heading is visible (next); both are polled on
every animation frame. Before the next click the app's script run must have finished, so clicks never
overlap. Both apps run side by side and are measured in alternating rounds, so a change in the machine's load
during the benchmark hits both alike.
"""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Browser, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from bench import web
from bench.common import Row, median, ms, p95, ratio
from bench.fixture import LANG, TODAY, busiest_section, full_assessment, shipped_checklist, write_spec
from tests.support.app_server import ROOT, AppServer
from vigil.engine import evaluate
from vigil.i18n import t
from vigil.models.checklist import Checklist, Question
from vigil.models.common import pick
from vigil.models.kinds import spec
from vigil.render.text import choice_label
from vigil.ui.kind_widgets import DONT_KNOW, choice_options

WARMUP = 2
CLICKS = 20
ROUNDS = 4


@dataclass
class Driver:
    """One app in one page, and where its clicks go. Keeps its place between rounds."""

    page: Page
    next_button: str
    step_prefix: str
    sections: list[tuple[str, str]]
    """The visible sections (id, title) in order."""
    question: Question | None = None
    labels: tuple[str, str] = ("", "")
    answers: list[float] = field(default_factory=list)
    nexts: list[tuple[str, float]] = field(default_factory=list)
    _clicks: int = 0
    _position: int = -1
    """Index in ``sections`` of the section shown (-1: not known yet)."""

    def answer(self, n: int) -> None:
        """``n`` timed clicks, alternating between the two labels (``labels[0]`` is selected at first)."""
        assert self.question is not None
        radio = self.page.locator(f'[class*="-q-{self.question.id}"]').first
        for _ in range(n):
            self._clicks += 1
            option = radio.get_by_text(self.labels[self._clicks % 2], exact=True)
            before = web.sidebar_text(self.page)
            t0 = time.perf_counter()
            option.click()
            web.wait_sidebar_changed(self.page, before)
            self.answers.append(time.perf_counter() - t0)
            web.wait_idle(self.page)

    def go_to(self, index: int) -> None:
        sid, title = self.sections[index]
        self.page.locator(f"{self.step_prefix}{sid} button").first.click()
        web.wait_heading(self.page, 2, title)
        web.wait_idle(self.page)
        self._position = index

    def next(self, n: int) -> None:
        """``n`` timed clicks on "Next" through the sections; from the last one, back to the first (not timed)."""
        for _ in range(n):
            if self._position < 0 or self._position + 1 >= len(self.sections):
                self.go_to(0)
            sid, title = self.sections[self._position + 1]
            t0 = time.perf_counter()
            self.page.locator(f"{self.next_button} button").first.click()
            web.wait_heading(self.page, 2, title)
            self.nexts.append((sid, time.perf_counter() - t0))
            web.wait_idle(self.page)
            self._position += 1


def _option_label(q: Question, option_id: str) -> str:
    if option_id == DONT_KNOW:
        return t(LANG, "answer.dont_know")
    return choice_label(q, option_id, LANG)


def _radio_questions(checklist: Checklist, questions: list[Question]) -> list[Question]:
    """The section's radio questions, those no visibility condition depends on first (the page keeps its shape)."""
    from vigil.models.conditions import references

    named: set[str] = set()
    for s in checklist.sections:
        for cond in [s.visible_if, *(q.visible_if for q in s.questions)]:
            if cond is not None:
                named.update(r.question for r in references(cond))
    radios = [q for q in questions if spec(q.kind).pick_one]
    return sorted(radios, key=lambda q: q.id in named)


def _changes_status(page: Page, q: Question, labels: tuple[str, str]) -> bool:
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


def _choose_question(real: Driver, checklist: Checklist, questions: list[Question]) -> None:
    """A radio of the busiest section whose two options change the live status each time."""
    for q in _radio_questions(checklist, questions):
        options = choice_options(q)
        for pair in ((options[0], options[-1]), (options[0], options[1])):
            labels = (_option_label(q, pair[0]), _option_label(q, pair[1]))
            if _changes_status(real.page, q, labels):
                real.question, real.labels = q, labels
                return
    raise RuntimeError("no radio in the busiest section changes the live status")


def run(b: Browser) -> list[Row]:
    checklist = shipped_checklist()
    assessment = full_assessment(checklist)
    busiest = busiest_section(checklist, assessment)
    sections = [(s.id, pick(next(x.title for x in checklist.sections if x.id == s.id), LANG))
                for s in evaluate(checklist, assessment, TODAY).sections]
    section_title = dict(sections)[busiest.section_id]
    with tempfile.TemporaryDirectory(prefix="vigil-bench-") as name:
        tmp = Path(name)
        (aid,) = web.data_dir_with(tmp / "data", [assessment])
        spec = write_spec(checklist, assessment, tmp / "spec.json")
        server = AppServer(tmp / "data", log=tmp / "app.log")
        bare_server = AppServer(tmp / "bare-data", script=ROOT / "bench" / "bare_app.py",
                                env={"VIGIL_BENCH_SPEC": str(spec)}, log=tmp / "bare.log")
        server.start()
        bare_server.start()
        ctx, bare_ctx = web.new_context(b), web.new_context(b)
        try:
            page = ctx.new_page()
            web.open_assessment(page, server, aid, pick(checklist.title, LANG))
            real = Driver(page, ".st-key-vigil-q-next", f".st-key-vigil-step-{aid}-", sections)
            real.go_to(busiest.index)
            _choose_question(real, checklist, busiest.questions)
            bare_page = bare_ctx.new_page()
            bare_page.goto(bare_server.url)
            web.wait_heading(bare_page, 2, section_title)
            web.wait_idle(bare_page)
            bare = Driver(bare_page, ".st-key-next", ".st-key-step-", sections, real.question, real.labels)
            bare._position = busiest.index
            for d in (real, bare):  # warm-up, not counted
                d.answer(WARMUP)
                d.answers.clear()
            per_round = -(-CLICKS // ROUNDS)
            for _ in range(ROUNDS):
                for d in (real, bare):
                    d.answer(per_round)
            for d in (real, bare):
                d.next(WARMUP)
                d.nexts.clear()
            for _ in range(ROUNDS):
                for d in (real, bare):
                    d.next(per_round)
        finally:
            ctx.close()
            bare_ctx.close()
            server.stop()
            bare_server.stop()
    assert real.question is not None
    nexts, bare_nexts = [x for _, x in real.nexts], [x for _, x in bare.nexts]
    slow_sid, slow = max(real.nexts, key=lambda p: p[1])
    bare_slow = max((x for sid, x in bare.nexts if sid == slow_sid), default=0.0)
    what = "3 Browser clicks"
    q, labels = real.question, real.labels
    n = len(real.answers)
    return [
        Row(what, f"answer: {q.id!r} in {section_title!r}, {labels[0]!r} <-> {labels[1]!r}, "
                  f"{n} clicks after {WARMUP}", ""),
        Row(what, "answer -> live status updated, median", ms(median(real.answers))),
        Row(what, "answer -> live status updated, p95", ms(p95(real.answers)), "<= 300 ms"),
        Row(what, "bare app: radio -> echo in sidebar, median", ms(median(bare.answers))),
        Row(what, "bare app: radio -> echo in sidebar, p95", ms(p95(bare.answers))),
        Row(what, "ratio answer / bare (median)", ratio(median(real.answers), median(bare.answers)), "<= 1.3"),
        Row(what, f"next: through the {len(sections)} sections in turn, {len(nexts)} clicks after {WARMUP}", ""),
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
