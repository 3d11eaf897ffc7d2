"""Assessments over the shipped checklist, built only through its document bindings (ids may change)."""

from __future__ import annotations

from vigil.catalog import load_catalog
from vigil.models.assessment import Answer, Assessment, ChecklistPin, Meta, Person
from vigil.models.checklist import Checklist, QuestionKind


def shipped_checklist() -> Checklist:
    return next(c for c in load_catalog().latest() if c.id == "memorial_media")


def shipped_assessment(checklist: Checklist, name: str = "Jürgen Weiß",
                       relatives: tuple[str, ...] = ("Олена Ґудзь", "王秀英")) -> Assessment:
    """The person's name and a few relatives, wherever the checklist's bindings put them."""
    b = checklist.documents
    answers: dict[str, Answer] = {}
    if b.person_name:
        answers[b.person_name] = Answer(text=name)
    if b.people and b.people_name_field:
        question = checklist.question(b.people)
        if question.kind == QuestionKind.people:
            answers[b.people] = Answer(people=[Person(values={b.people_name_field: r}) for r in relatives])
    return Assessment(checklist=ChecklistPin(id=checklist.id, version=checklist.version),
                      meta=Meta(title="CLI test", assessor="Studio Lindenblatt"), answers=answers)
