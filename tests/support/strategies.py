"""Hypothesis strategies that build valid answers for any checklist, from its questions' kinds."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from vigil.models import kinds
from vigil.models.assessment import Answer, Assessment, ChecklistPin, Person
from vigil.models.checklist import Checklist, PeopleFieldKind, Question

TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cn")), max_size=40
)


def _person(question: Question) -> st.SearchStrategy[Person]:
    values: dict[str, st.SearchStrategy[str | list[str] | None]] = {}
    for f in question.fields:
        if f.kind == PeopleFieldKind.multi_choice:
            values[f.id] = st.lists(st.sampled_from([o.id for o in f.options]), unique=True) | st.none()
        elif f.kind == PeopleFieldKind.single_choice:
            values[f.id] = st.sampled_from([o.id for o in f.options]) | st.none()
        elif f.kind == PeopleFieldKind.date:
            values[f.id] = st.dates().map(dt.date.isoformat) | st.none()
        else:
            values[f.id] = TEXT
    return st.fixed_dictionaries(values).map(lambda v: Person(values=v))


def value_answer(question: Question) -> st.SearchStrategy[Answer]:
    """A real (not "don't know") answer that fits the question, in the field its kind uses."""
    field = kinds.spec(question.kind).field
    values: st.SearchStrategy[Any]
    if field == "choice":
        values = st.sampled_from(question.option_ids())
    elif field == "choices":
        values = st.lists(st.sampled_from(question.option_ids()), min_size=1, unique=True)
    elif field == "text":
        values = TEXT
    elif field == "number":
        lo = question.min if question.min is not None else -1e6
        hi = question.max if question.max is not None else 1e6
        values = st.floats(min_value=lo, max_value=hi, allow_nan=False)
    elif field == "date":
        values = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2030, 1, 1))
    else:
        values = st.lists(_person(question), max_size=4)
    return values.map(lambda v: Answer.model_validate({field: v}))


def any_answer(question: Question) -> st.SearchStrategy[Answer]:
    options = [value_answer(question)]
    if question.allow_dont_know:
        options.append(st.just(Answer(dont_know=True)))
    return st.one_of(options)


def answers_for(checklist: Checklist) -> st.SearchStrategy[dict[str, Answer]]:
    """A random subset of the checklist's questions, each with a fitting answer."""
    questions = checklist.questions()
    return st.fixed_dictionaries(
        {}, optional={q.id: any_answer(q) for q in questions}
    )


def assessments_for(checklist: Checklist) -> st.SearchStrategy[Assessment]:
    pin = ChecklistPin(id=checklist.id, version=checklist.version)
    return answers_for(checklist).map(lambda a: Assessment(checklist=pin, answers=a))
