"""Practice defaults set once; a new commission then reaches its verdict answering only what is specific to it.

The plan is tests/scenarios/soldier-farewell-family-agrees.json. First the maker answers the practice questions on
"Your practice" (once); then a new commission begins from them and the user answers, in the browser, only the
questions the defaults did not answer. The test counts the answers given and the clicks made for the commission
(and for the one-time set-up) and prints them (`pytest -s` shows them; the README quotes them).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import ARTIFACTS, shot
from tests.e2e.driver import Driver
from tests.e2e.test_journey import _fallback as _journey_fallback
from tests.support.app_server import AppServer
from vigil.assessment_file import read_assessment
from vigil.catalog import load_catalog
from vigil.engine import evaluate
from vigil.models.assessment import Answer, Assessment, ChecklistPin, Person
from vigil.models.checklist import Checklist, Question, QuestionKind
from vigil.store.sql import open_store

SCENARIO = Path(__file__).resolve().parents[1] / "scenarios" / "soldier-farewell-family-agrees.json"
COUNT_CLICKS = """() => { if (window.__vigilClicks === undefined) { window.__vigilClicks = 0;
  document.addEventListener('click', () => { window.__vigilClicks += 1; }, true); } return window.__vigilClicks; }"""


@pytest.fixture
def own_server(tmp_path: Path) -> Iterator[AppServer]:
    """A server of its own: the practice defaults set here must not reach the other browser tests."""
    server = AppServer(tmp_path / "data", log=ARTIFACTS / "app-server-practice.log")
    server.start()
    yield server
    server.stop()


def _plan() -> tuple[Checklist, dict[str, Answer]]:
    assessment, checklist = read_assessment(SCENARIO, load_catalog())
    plan = dict(assessment.answers)
    plan["people"] = Answer(people=[
        Person(values={k: v for k, v in p.values.items() if k in ("name", "relation", "standing", "position")})
        for p in plan["people"].people or []
    ])
    return checklist, plan


def _visible(checklist: Checklist, answers: dict[str, Answer]) -> tuple[list[str], dict[str, list[str]]]:
    pin = ChecklistPin(id=checklist.id, version=checklist.version)
    ev = evaluate(checklist, Assessment(checklist=pin, answers=answers), dt.date.today())
    return [s.id for s in ev.sections], {s.id: s.visible_questions for s in ev.sections}


def _fallback(q: Question) -> Answer:
    """An answer for a visible question the scenario does not cover (a date in the past: a birth, say)."""
    if q.kind == QuestionKind.date:
        return Answer(date=dt.date(1990, 5, 1))
    return _journey_fallback(q)


def _clicks(page: Page) -> int:
    return int(page.evaluate(COUNT_CLICKS))


def test_defaults_once_then_only_what_is_specific(page: Page, own_server: AppServer) -> None:
    checklist, plan = _plan()
    questions = {q.id: q for q in checklist.questions()}
    page.set_default_timeout(20_000)
    page.goto(own_server.url)
    d = Driver(page, checklist)
    d.idle()
    _clicks(page)

    # ---- once: the practice defaults, on "Your practice"
    d.go_page("practice")
    expect(page.get_by_role("heading", name=d.t("ui.practice.defaults.heading"))).to_be_visible()
    setup_start = _clicks(page)
    practice = [qid for qid in checklist.practice if qid in plan]
    assert len(practice) >= 8
    for qid in practice:
        d.answer(questions[qid], plan[qid])
    setup_clicks = _clicks(page) - setup_start
    shot(page, "en-20-practice")
    store = open_store(f"sqlite:///{own_server.data_dir / 'vigil.sqlite3'}")
    defaults = store.practice_defaults(checklist.id)
    assert defaults is not None
    assert {q: a.model_dump() for q, a in defaults.answers.items()} == {q: plan[q].model_dump() for q in practice}

    # ---- each commission: begin, answer only what the defaults did not
    d.go_page("start")
    start_clicks = _clicks(page)
    aid = d.begin("Farewell clip, K-2026-301")
    answered_here: list[str] = []
    tries: dict[str, int] = {}

    def _todo(qid: str) -> bool:
        """What the verdict needs: a required question not answered yet (optional ones are left for later)."""
        return qid not in d.answered and questions[qid].required

    while True:
        # what the page must ask for is what the stored assessment still lacks (the defaults are already in it)
        d.answered = dict(store.get(aid).answers)
        sections, visible = _visible(checklist, d.answered)
        todo_sections = [s for s in sections if any(_todo(q) for q in visible[s])]
        if not todo_sections:
            break
        current = todo_sections[0]
        # move to the section through the step list (a click, counted)
        d.click_keyed(f"vigil.step.{aid}.{current}")
        expect(d.section_heading(current)).to_be_visible()
        while True:
            d.answered = dict(store.get(aid).answers)
            _, visible = _visible(checklist, d.answered)
            if current not in visible:
                break
            assert d.wait_shown(visible[current]) == visible[current], current
            todo = [q for q in visible[current] if _todo(q)]
            if not todo:
                break
            tries[todo[0]] = tries.get(todo[0], 0) + 1
            assert tries[todo[0]] <= 2, f"{todo[0]} was not saved"
            d.answer(questions[todo[0]], plan.get(todo[0]) or _fallback(questions[todo[0]]))
            d.idle(300)
            if todo[0] not in answered_here:
                answered_here.append(todo[0])
    d.go_page("results")
    commission_clicks = _clicks(page) - start_clicks
    expected = evaluate(checklist, Assessment(checklist=ChecklistPin(id=checklist.id, version=checklist.version),
                                              answers=dict(d.answered)), dt.date.today())
    expect(page.get_by_role("heading", name=d.t(f"verdict.{expected.verdict.id.value}"))).to_be_visible()
    shot(page, "en-21-commission-verdict")
    stored = store.get(aid)
    store.close()
    got = evaluate(checklist, stored, dt.date.today())
    assert got.verdict.id == expected.verdict.id
    assert got.progress.answered == got.progress.required
    assert not set(answered_here) & set(practice)  # nothing the defaults answered was asked again
    assert {q for q in practice if q in got.visible_questions} <= set(stored.prefilled)
    report = (f"practice defaults (once): {len(practice)} answers, {setup_clicks} clicks; "
              f"each commission: {len(answered_here)} answers, {commission_clicks} clicks "
              f"(begin to verdict; {len(got.visible_questions)} questions shown, "
              f"{len([q for q in practice if q in got.visible_questions])} from the defaults)")
    print("\n" + report)
    (ARTIFACTS / "practice-defaults-counts.txt").write_text(report + "\n", encoding="utf-8")


HOSTILE = "**Oma** :material/warning: www.example.com a@b.de https://x.test <b>x</b> [l](https://e.test)"


def test_titles_and_references_are_literal_on_the_start_page(page: Page, own_server: AppServer) -> None:
    checklist = load_catalog().latest()[0]
    store = open_store(f"sqlite:///{own_server.data_dir / 'vigil.sqlite3'}")
    from vigil.models.assessment import Meta

    store.create(Assessment(checklist=ChecklistPin(id=checklist.id, version=checklist.version),
                            meta=Meta(title=HOSTILE, reference=HOSTILE)))
    store.close()
    page.goto(own_server.url)
    d = Driver(page, checklist)
    d.choose_row(0)
    main = page.locator('[data-testid="stMain"]')
    shown = main.locator('[data-testid="stText"]').filter(has_text=HOSTILE)
    expect(shown.first).to_be_visible()
    assert shown.first.inner_text().strip() == HOSTILE
    assert main.locator("a[href*='example.com'], a[href^='mailto:'], a[href*='x.test'], a[href*='e.test']").count() == 0
    assert main.locator("b", has_text="x").count() == 0
    icons = main.locator('[data-testid="stIconMaterial"]').all_inner_texts()
    assert "warning" not in icons
    shot(page, "en-22-hostile-title")
