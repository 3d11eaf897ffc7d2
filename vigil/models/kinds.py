"""What each question kind means, in one place: which ``Answer`` field holds its value, whether it is answered by
picking options, how to tell it has a value, and a sample answer (for tests, benchmarks and ``vigil validate
--deep``).

The model, the validation, the engine, the renderers and the widgets ask this registry instead of branching on
the kind themselves. Adding a kind is adding its ``QuestionKind`` member and its ``KindSpec`` here (the test in
tests/test_kinds.py fails until every kind has one).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Literal

from vigil.models.assessment import Answer, Person
from vigil.models.limits import LONG_TEXT_MAX, SHORT_TEXT_MAX

if TYPE_CHECKING:
    from vigil.models.checklist import Question


class QuestionKind(StrEnum):
    single_choice = "single_choice"
    multi_choice = "multi_choice"
    yes_no = "yes_no"
    short_text = "short_text"
    long_text = "long_text"
    date = "date"
    number = "number"
    people = "people"


AnswerField = Literal["choice", "choices", "text", "number", "date", "people"]
VALUE_FIELDS: tuple[AnswerField, ...] = ("choice", "choices", "text", "number", "date", "people")
"""Every field of ``Answer`` that holds a value; each kind uses exactly one of them."""


@dataclass(frozen=True)
class KindSpec:
    """What a question kind means.

    ``field``: the ``Answer`` field that holds its value. ``choice``: answered by picking from options.
    ``pick_one``: exactly one option (a radio, where "don't know" can be one more option).
    ``authored_options``: the checklist lists the options (yes_no has them built in, with Vigil's own labels).
    ``authored_fields``: the checklist lists the fields of each row (a register of people).
    ``max_length``: the most characters a text answer holds (None: not a text).
    """

    field: AnswerField
    choice: bool = False
    pick_one: bool = False
    authored_options: bool = False
    authored_fields: bool = False
    max_length: int | None = None


KINDS: dict[QuestionKind, KindSpec] = {
    QuestionKind.single_choice: KindSpec("choice", choice=True, pick_one=True, authored_options=True),
    QuestionKind.yes_no: KindSpec("choice", choice=True, pick_one=True),
    QuestionKind.multi_choice: KindSpec("choices", choice=True, authored_options=True),
    QuestionKind.short_text: KindSpec("text", max_length=SHORT_TEXT_MAX),
    QuestionKind.long_text: KindSpec("text", max_length=LONG_TEXT_MAX),
    QuestionKind.number: KindSpec("number"),
    QuestionKind.date: KindSpec("date"),
    QuestionKind.people: KindSpec("people", authored_fields=True),
}

CHOICE_KINDS = tuple(k for k, s in KINDS.items() if s.choice)
"""The kinds answered by picking options (single choice, multiple choice, yes/no)."""


def spec(kind: QuestionKind) -> KindSpec:
    return KINDS[kind]


def kinds_holding(field: AnswerField) -> tuple[QuestionKind, ...]:
    """The kinds whose value lives in ``field`` (a condition on numbers needs a number question...)."""
    return tuple(k for k, s in KINDS.items() if s.field == field)


def value_of(question: Question, answer: Answer) -> object:
    """The value the answer holds for this question's kind (None when that field is empty)."""
    return getattr(answer, KINDS[question.kind].field)


def stray_fields(question: Question, answer: Answer) -> list[AnswerField]:
    """The value fields set that this question's kind does not use."""
    own = KINDS[question.kind].field
    return [name for name in VALUE_FIELDS if name != own and getattr(answer, name) not in (None, [], "")]


def has_value(question: Question, answer: Answer) -> bool:
    """Whether the answer holds a real value in the field its kind uses. A people register counts once every
    person in it has the fields the register requires (a row added and left blank is not an answer)."""
    value = value_of(question, answer)
    if KINDS[question.kind].authored_fields:
        required = [f.id for f in question.fields if f.required]
        people = answer.people or []
        return bool(people) and all(p.text(fid).strip() or p.choices(fid) for p in people for fid in required)
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list):
        return bool(value)
    return value is not None


def responded(question: Question, answer: Answer | None) -> bool:
    """Answered with a value, or marked "don't know" (what counts towards progress)."""
    return answer is not None and (answer.dont_know or has_value(question, answer))


# --------------------------------------------------------------------------- samples


def sample_person(question: Question, today: dt.date, text: str = "A sample answer",
                  fixed: dict[str, str] | None = None) -> Person:
    """A filled-in register row: ``fixed`` values where given, else the last option (usually the most neutral,
    "other" or "not yet"), ``today`` for dates and ``text`` for text fields."""
    values: dict[str, str | list[str] | None] = {}
    for f in question.fields:
        kind = f.kind.value
        if fixed and f.id in fixed:
            values[f.id] = [fixed[f.id]] if kind == "multi_choice" else fixed[f.id]
        elif kind == "single_choice" and f.options:
            values[f.id] = f.options[-1].id
        elif kind == "multi_choice" and f.options:
            values[f.id] = [f.options[-1].id]
        elif kind == "date":
            values[f.id] = today.isoformat()
        else:
            values[f.id] = text
    return Person(values=values)


def sample_answer(question: Question, today: dt.date, *, text: str = "A sample answer",
                  number: float | None = None, date: dt.date | None = None) -> Answer:
    """A plain real answer that fits the question: the first option, ``text``, ``number`` (default: the minimum
    or 1) kept within the question's bounds, ``date`` (default: 30 days before ``today``), one register row."""
    field = KINDS[question.kind].field
    value: object
    if field == "choice":
        value = question.option_ids()[0]
    elif field == "choices":
        value = [question.option_ids()[0]]
    elif field == "text":
        value = text
    elif field == "number":
        n = number if number is not None else question.min if question.min is not None else 1.0
        n = max(n, question.min) if question.min is not None else n
        value = min(n, question.max) if question.max is not None else n
    elif field == "date":
        value = date if date is not None else today - dt.timedelta(days=30)
    else:
        value = [sample_person(question, today, text)]
    return Answer.model_validate({field: value})
