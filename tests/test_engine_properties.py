"""Properties of the engine that must hold for any answers, on the tiny and on the shipped checklists."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support.strategies import answers_for, any_answer
from tests.support.tiny import TODAY, people, tiny_checklist
from vigil.catalog import load_catalog
from vigil.engine import evaluate
from vigil.models.assessment import Answer, Assessment, ChecklistPin
from vigil.models.checklist import Checklist
from vigil.models.common import Severity, VerdictId

CHECKLISTS = [tiny_checklist(), *load_catalog().latest()]
IDS = [c.id for c in CHECKLISTS]


def _assessment(checklist: Checklist, answers: dict[str, Answer]) -> Assessment:
    return Assessment(checklist=ChecklistPin(id=checklist.id, version=checklist.version), answers=answers)


@pytest.mark.parametrize("checklist", CHECKLISTS, ids=IDS)
def test_any_answers_evaluate_consistently(checklist: Checklist) -> None:
    @settings(max_examples=60, deadline=None)
    @given(answers_for(checklist))
    def check(answers: dict[str, Answer]) -> None:
        result = evaluate(checklist, _assessment(checklist, answers), TODAY)
        assert 0.0 <= result.progress.ratio <= 1.0
        ranked = [f.severity for f in result.findings if f.severity != Severity.info]
        worst = max(ranked, key=lambda s: s.rank) if ranked else None
        assert result.verdict.id == (VerdictId.ready if worst is None else VerdictId.for_severity(worst))
        assert all(f.severity == worst for f in result.verdict.reasons)
        assert set(result.visible_questions) <= {q.id for q in checklist.questions()}
        for item in result.open_items:
            assert answers[item.question_id].dont_know

    check()


@pytest.mark.parametrize("checklist", CHECKLISTS, ids=IDS)
def test_hidden_answers_never_change_the_result(checklist: Checklist) -> None:
    questions = {q.id: q for q in checklist.questions()}

    @settings(max_examples=60, deadline=None)
    @given(answers_for(checklist), st.data())
    def check(answers: dict[str, Answer], data: st.DataObject) -> None:
        before = evaluate(checklist, _assessment(checklist, answers), TODAY)
        hidden = sorted(set(questions) - set(before.visible_questions))
        if not hidden:
            return
        qid = data.draw(st.sampled_from(hidden))
        changed = dict(answers)
        if data.draw(st.booleans()):
            changed[qid] = data.draw(any_answer(questions[qid]))
        else:
            changed.pop(qid, None)
        after = evaluate(checklist, _assessment(checklist, changed), TODAY)
        assert after == before

    check()


def test_adding_a_blocking_fact_never_improves_the_verdict() -> None:
    checklist = tiny_checklist()
    questions = {q.id: q for q in checklist.questions()}
    blocking_facts = [
        ("forbade", Answer(choice="yes")),
        ("age_at_death", Answer(number=9)),
    ]

    @settings(max_examples=150, deadline=None)
    @given(answers_for(checklist), st.sampled_from(blocking_facts), st.booleans())
    def check(answers: dict[str, Answer], fact: tuple[str, Answer], objector: bool) -> None:
        before = evaluate(checklist, _assessment(checklist, answers), TODAY)
        changed = dict(answers)
        qid, answer = fact
        changed[qid] = answer
        if objector and "relatives" in before.visible_questions:
            existing = answers.get("relatives")
            base = existing.people or [] if existing and not existing.dont_know else []
            changed["relatives"] = Answer(people=[*base, *(people("objects").people or [])])
        after = evaluate(checklist, _assessment(checklist, changed), TODAY)
        assert questions[qid].id in after.visible_questions
        assert after.verdict.id == VerdictId.stop
        assert after.verdict.id.rank >= before.verdict.id.rank

    check()
