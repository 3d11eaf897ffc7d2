"""The kinds registry: every kind has a meaning, and the sample answer of every question fits it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.render.shipped import shipped_checklist
from tests.support.tiny import option, question, text
from vigil.models import kinds
from vigil.models.assessment import Answer, Person
from vigil.models.checklist import Question, QuestionKind
from vigil.validation import answer_problems

TODAY = dt.date(2026, 11, 22)


def _question(kind: str, **extra: Any) -> Question:
    return Question.model_validate(question("q", kind, **extra))


def test_every_kind_has_a_meaning() -> None:
    assert set(kinds.KINDS) == set(QuestionKind)
    assert set(kinds.CHOICE_KINDS) == {QuestionKind.single_choice, QuestionKind.multi_choice, QuestionKind.yes_no}
    assert {s.field for s in kinds.KINDS.values()} == set(kinds.VALUE_FIELDS)


def test_only_text_kinds_have_a_length_and_only_a_register_has_fields() -> None:
    assert {k for k, s in kinds.KINDS.items() if s.max_length is not None} == set(kinds.kinds_holding("text"))
    assert [k for k, s in kinds.KINDS.items() if s.authored_fields] == [QuestionKind.people]
    assert all(s.authored_options <= s.choice and s.pick_one <= s.choice for s in kinds.KINDS.values())


def test_every_sample_answer_of_the_shipped_checklist_fits_and_counts() -> None:
    for q in shipped_checklist().questions():
        answer = kinds.sample_answer(q, TODAY)
        assert answer_problems(q, answer) == [], q.id
        assert kinds.has_value(q, answer), q.id
        assert kinds.responded(q, answer), q.id


def test_a_number_sample_stays_within_bounds() -> None:
    assert kinds.sample_answer(_question("number", min=18, max=20), TODAY, number=83).number == 20
    assert kinds.sample_answer(_question("number", min=18), TODAY).number == 18


@pytest.mark.parametrize(("kind", "answer", "has"), [
    ("short_text", Answer(text="  "), False),
    ("short_text", Answer(text="Anna"), True),
    ("yes_no", Answer(text="yes"), False),  # a value in a field the kind does not use counts for nothing
    ("multi_choice", Answer(choices=[]), False),
    ("number", Answer(number=0), True),
])
def test_has_value_reads_the_kinds_own_field(kind: str, answer: Answer, has: bool) -> None:
    q = _question(kind, options=[option("a", "A"), option("b", "B")] if "choice" in kind else [])
    assert kinds.has_value(q, answer) is has


def test_a_register_counts_once_every_row_has_its_required_fields() -> None:
    q = _question("people", fields=[{"id": "name", "kind": "short_text", "label": text("Name"), "required": True}])
    assert not kinds.responded(q, None)
    assert not kinds.responded(q, Answer(people=[Person(values={"name": "Anna"}), Person(values={})]))
    assert kinds.responded(q, Answer(people=[Person(values={"name": "Anna"})]))
    assert kinds.responded(q, Answer(dont_know=True))


def test_stray_fields_name_what_the_kind_does_not_use() -> None:
    assert kinds.stray_fields(_question("date"), Answer(date=TODAY, text="also")) == ["text"]
