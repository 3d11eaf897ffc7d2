"""A typed condition tree, written in checklist YAML and evaluated without ``eval``.

Each node is a mapping with exactly one key::

    {all: [c, ...]}   {any: [c, ...]}   {not: c}
    {equals: {question: q, value: v}}          single choice / yes-no answer is v
    {in: {question: q, values: [a, b]}}        single choice is one of, or multiple choice includes one of
    {answered: q}                              answered with a real value (not "don't know")
    {dont_know: q}                             answered "don't know"
    {number: {question: q, op: lt, value: 18}}
    {years_since: {question: q, op: lt, value: 10}}   whole years from a date answer to today
    {years_between: {start: born, end: died, op: lt, value: 18}}   whole years from one date answer to another
    {count_people: {question: q, where: [{field: f, in: [a]}], op: ge, value: 1}}

Conditions only see the answers they are given: the engine passes visible answers only.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, Literal, Union

from pydantic import Discriminator, Field, Tag

from vigil.models.assessment import Answer, Person
from vigil.models.common import Id, Strict


class Op(StrEnum):
    lt = "lt"
    le = "le"
    gt = "gt"
    ge = "ge"
    eq = "eq"
    ne = "ne"

    def apply(self, left: float, right: float) -> bool:
        fn: Callable[[float, float], bool] = {
            "lt": operator.lt,
            "le": operator.le,
            "gt": operator.gt,
            "ge": operator.ge,
            "eq": operator.eq,
            "ne": operator.ne,
        }[self.value]
        return fn(left, right)


class QuestionValue(Strict):
    question: Id
    value: str


class QuestionValues(Strict):
    question: Id
    values: list[str] = Field(min_length=1)


class Comparison(Strict):
    question: Id
    op: Op
    value: float


class FieldMatch(Strict):
    field: Id
    in_: list[str] = Field(alias="in", min_length=1)


class PeopleCount(Strict):
    question: Id
    where: list[FieldMatch] = Field(default_factory=list)
    op: Op = Op.ge
    value: int = 1


class All(Strict):
    all: list[Condition] = Field(min_length=1)


class AnyOf(Strict):
    any: list[Condition] = Field(min_length=1)


class Not(Strict):
    not_: Condition = Field(alias="not")


class Equals(Strict):
    equals: QuestionValue


class In(Strict):
    in_: QuestionValues = Field(alias="in")


class Answered(Strict):
    answered: Id


class DontKnow(Strict):
    dont_know: Id


class NumberIs(Strict):
    number: Comparison


class YearsSince(Strict):
    years_since: Comparison


class CountPeople(Strict):
    count_people: PeopleCount


class Span(Strict):
    """Whole years from one date answer to another (e.g. the age at death, from ``born`` to ``died``)."""

    start: Id
    end: Id
    op: Op
    value: float


class YearsBetween(Strict):
    years_between: Span


_TAGS = (
    "all",
    "any",
    "not",
    "equals",
    "in",
    "answered",
    "dont_know",
    "number",
    "years_since",
    "years_between",
    "count_people",
)


def _condition_tag(value: Any) -> str | None:
    if isinstance(value, dict):
        if len(value) != 1:
            return None
        key = next(iter(value))
        return key if key in _TAGS else None
    for tag, cls in _TAG_CLASSES.items():
        if isinstance(value, cls):
            return tag
    return None


Condition = Annotated[
    Union[  # noqa: UP007  (Tag annotations need the explicit Union form)
        Annotated[All, Tag("all")],
        Annotated[AnyOf, Tag("any")],
        Annotated[Not, Tag("not")],
        Annotated[Equals, Tag("equals")],
        Annotated[In, Tag("in")],
        Annotated[Answered, Tag("answered")],
        Annotated[DontKnow, Tag("dont_know")],
        Annotated[NumberIs, Tag("number")],
        Annotated[YearsSince, Tag("years_since")],
        Annotated[YearsBetween, Tag("years_between")],
        Annotated[CountPeople, Tag("count_people")],
    ],
    Discriminator(
        _condition_tag,
        custom_error_type="condition",
        custom_error_message=(
            "a condition is a mapping with exactly one of the keys: " + ", ".join(_TAGS)
        ),
    ),
]

_TAG_CLASSES: dict[str, type[Strict]] = {
    "all": All,
    "any": AnyOf,
    "not": Not,
    "equals": Equals,
    "in": In,
    "answered": Answered,
    "dont_know": DontKnow,
    "number": NumberIs,
    "years_since": YearsSince,
    "years_between": YearsBetween,
    "count_people": CountPeople,
}

for _cls in (All, AnyOf, Not):
    _cls.model_rebuild()


# --------------------------------------------------------------------------- references


RefKind = Literal["any", "choice", "number", "date", "people"]


@dataclass(frozen=True)
class Ref:
    """A question (and maybe option values or a people field) that a condition names."""

    question: str
    expects: RefKind
    values: tuple[str, ...] = ()
    field: str | None = None
    path: tuple[str | int, ...] = ()


def references(cond: Condition, path: tuple[str | int, ...] = ()) -> Iterator[Ref]:
    """Every reference in the tree, with its path inside the condition, for the catalog's checks."""
    match cond:
        case All(all=items):
            for i, c in enumerate(items):
                yield from references(c, (*path, "all", i))
        case AnyOf(any=items):
            for i, c in enumerate(items):
                yield from references(c, (*path, "any", i))
        case Not(not_=inner):
            yield from references(inner, (*path, "not"))
        case Equals(equals=qv):
            yield Ref(qv.question, "choice", (qv.value,), path=(*path, "equals"))
        case In(in_=qv):
            yield Ref(qv.question, "choice", tuple(qv.values), path=(*path, "in"))
        case Answered(answered=q):
            yield Ref(q, "any", path=(*path, "answered"))
        case DontKnow(dont_know=q):
            yield Ref(q, "any", path=(*path, "dont_know"))
        case NumberIs(number=cmp):
            yield Ref(cmp.question, "number", path=(*path, "number"))
        case YearsSince(years_since=cmp):
            yield Ref(cmp.question, "date", path=(*path, "years_since"))
        case YearsBetween(years_between=span):
            yield Ref(span.start, "date", path=(*path, "years_between", "start"))
            yield Ref(span.end, "date", path=(*path, "years_between", "end"))
        case CountPeople(count_people=pc):
            yield Ref(pc.question, "people", path=(*path, "count_people"))
            for i, fm in enumerate(pc.where):
                yield Ref(pc.question, "people", tuple(fm.in_), fm.field, (*path, "count_people", "where", i))


# --------------------------------------------------------------------------- evaluation


def whole_years_between(start: date, end: date) -> int:
    years = end.year - start.year
    if (end.month, end.day) < (start.month, start.day):
        years -= 1
    return years


def _person_matches(person: Person, where: list[FieldMatch]) -> bool:
    """Every match holds: the field's value (or one of its values, for a multiple-choice field) is listed."""
    return all(any(v in m.in_ for v in person.choices(m.field)) for m in where)


def holds(cond: Condition, answers: Mapping[str, Answer], today: date) -> bool:
    """Whether ``cond`` holds for these answers. Missing and "don't know" answers match no value."""

    def real(q: str) -> Answer | None:
        a = answers.get(q)
        return a if a is not None and a.is_answered else None

    match cond:
        case All(all=items):
            return all(holds(c, answers, today) for c in items)
        case AnyOf(any=items):
            return any(holds(c, answers, today) for c in items)
        case Not(not_=inner):
            return not holds(inner, answers, today)
        case Equals(equals=qv):
            a = real(qv.question)
            return a is not None and (a.choice == qv.value or qv.value in (a.choices or []))
        case In(in_=qv):
            a = real(qv.question)
            if a is None:
                return False
            if a.choice is not None:
                return a.choice in qv.values
            return bool(a.choices) and any(c in qv.values for c in a.choices or [])
        case Answered(answered=q):
            return real(q) is not None
        case DontKnow(dont_know=q):
            a = answers.get(q)
            return a is not None and a.dont_know
        case NumberIs(number=cmp):
            a = real(cmp.question)
            return a is not None and a.number is not None and cmp.op.apply(a.number, cmp.value)
        case YearsSince(years_since=cmp):
            a = real(cmp.question)
            if a is None or a.date is None:
                return False
            return cmp.op.apply(whole_years_between(a.date, today), cmp.value)
        case YearsBetween(years_between=span):
            start, end = real(span.start), real(span.end)
            if start is None or end is None or start.date is None or end.date is None:
                return False
            return span.op.apply(whole_years_between(start.date, end.date), span.value)
        case CountPeople(count_people=pc):
            a = real(pc.question)
            people = (a.people or []) if a is not None else []
            count = sum(1 for p in people if _person_matches(p, pc.where))
            return pc.op.apply(count, pc.value)
    raise TypeError(f"unknown condition node: {type(cond).__name__}")  # pragma: no cover
