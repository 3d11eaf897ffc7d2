"""A filled-in row of a people register, for any checklist's register fields."""

from __future__ import annotations

from vigil.models.assessment import Person
from vigil.models.checklist import PeopleFieldKind, Question


def person_row(question: Question, i: int, name: str, long_text: str, person_id: str | None = None) -> Person:
    """Person ``i``: ``name`` in short text fields, ``long_text`` in long ones, the options taken in turn."""
    values: dict[str, str | list[str] | None] = {}
    for f in question.fields:
        if f.kind == PeopleFieldKind.multi_choice and f.options:
            values[f.id] = [f.options[i % len(f.options)].id]
        elif f.kind == PeopleFieldKind.single_choice and f.options:
            values[f.id] = f.options[i % len(f.options)].id
        elif f.kind == PeopleFieldKind.date:
            values[f.id] = "1950-01-01"
        elif f.kind == PeopleFieldKind.long_text:
            values[f.id] = long_text
        else:
            values[f.id] = name
    return Person(id=person_id, values=values) if person_id else Person(values=values)
