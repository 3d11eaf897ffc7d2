"""vigil/validation.py on its own: each way an answer can fail to fit its question is named, and a fitting
assessment has no problems."""

from __future__ import annotations

import pytest

from tests.support.tiny import assessment, complete_fine, question, tiny_checklist
from vigil.models.assessment import Answer, ChecklistPin, OpenItem, Person
from vigil.models.checklist import Question
from vigil.validation import answer_problems, assessment_problems

CHECKLIST = tiny_checklist()


def q(qid: str) -> Question:
    return CHECKLIST.question(qid)


def test_a_fitting_assessment_has_no_problems() -> None:
    assert assessment_problems(CHECKLIST, assessment(**complete_fine())) == []


@pytest.mark.parametrize(("qid", "answer", "problem"), [
    ("medium", Answer(text="voice"), "a single_choice question takes 'choice', not 'text'"),
    ("platforms", Answer(choice="tiktok"), "a multi_choice question takes 'choices', not 'choice'"),
    ("medium", Answer(choice="hologram"), "'hologram' is not one of its options"),
    ("platforms", Answer(choices=["youtube", "myspace"]), "'myspace' is not one of its options"),
    ("age_at_death", Answer(number=-1), "-1 is below the minimum 0"),
    ("age_at_death", Answer(number=131), "131 is above the maximum 130"),
    ("relatives", Answer(people=[Person(values={"age": "3"})]), "the register has no field 'age'"),
    ("relatives", Answer(people=[Person(values={"position": "shrugs"})]), "'shrugs' is not an option of field"),
    ("relatives", Answer(people=[Person(values={"name": ["A", "B"]})]), "field 'name' takes one value, not a list"),
])
def test_each_misfit_is_named(qid: str, answer: Answer, problem: str) -> None:
    problems = answer_problems(q(qid), answer)
    assert any(p.startswith(problem) for p in problems), problems


def test_dont_know_where_the_question_does_not_allow_it() -> None:
    question = q("consent").model_copy(update={"allow_dont_know": False})
    assert answer_problems(question, Answer(dont_know=True)) == ["this question does not allow \"don't know\""]
    assert answer_problems(q("consent"), Answer(dont_know=True)) == []


def test_a_not_applicable_saved_before_the_question_stopped_offering_it_is_kept() -> None:
    question = q("consent").model_copy(update={"allow_not_applicable": False})
    assert answer_problems(question, Answer(choice="not_applicable")) == []


def test_a_text_holds_at_most_the_limit_of_its_kind() -> None:
    short = Question.model_validate(question("name", "short_text"))
    assert answer_problems(short, Answer(text="x" * 2_000)) == []
    assert answer_problems(short, Answer(text="x" * 2_001)) == [
        "a short text holds at most 2,000 characters, this one has 2,001"]
    assert answer_problems(q("voice_lines"), Answer(text="x" * 2_001)) == []  # a long text holds more


def test_assessment_problems_are_located() -> None:
    a = assessment(**(complete_fine() | {"medium": Answer(choice="hologram"), "ghost": Answer(text="boo")}))
    a.open_items["phantom"] = OpenItem(question_id="phantom")
    a.checklist = ChecklistPin(id="tiny", version="2025.1")
    assert assessment_problems(CHECKLIST, a) == [
        "checklist: the assessment pins tiny 2025.1, not tiny 2026.1",
        "answers.medium: 'hologram' is not one of its options",
        "answers.ghost: the checklist has no such question",
        "open_items.phantom: the checklist has no such question",
    ]
