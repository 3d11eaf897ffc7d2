"""Assessments over the shipped checklist, built only through its document bindings (ids may change)."""

from __future__ import annotations

import datetime as dt

from tests.support.people import person_row
from vigil.catalog import load_catalog
from vigil.models.assessment import Answer, Assessment, ChecklistPin, Meta, Person
from vigil.models.checklist import Checklist, Question, QuestionKind
from vigil.models.kinds import sample_answer
from vigil.visibility import visible_answers


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


def _generic_answer(question: Question, names: tuple[str, ...], today: dt.date) -> Answer:
    if question.kind == QuestionKind.people:
        return Answer(people=[person_row(question, i, name, f"A note about {name}.")
                              for i, name in enumerate(names)])
    answer = sample_answer(question, today, text=f"Answer to {question.id}", number=50, date=dt.date(2020, 5, 17))
    if question.kind == QuestionKind.multi_choice:
        answer.choices = [o.id for o in question.options[:2]]
    if question.kind == QuestionKind.yes_no:
        answer.note = "A note *with* <markup> and #read(\"/etc/passwd\")."
    return answer


def answer_everything(checklist: Checklist, today: dt.date,
                      names: tuple[str, ...] = ("Jürgen Weiß", "Пётр Ильич", "Олена Ґудзь", "فاطمة الزهراء",
                                                "王秀英")) -> Assessment:
    """Every question that becomes visible, answered with a valid generic value (in order)."""
    assessment = Assessment(checklist=ChecklistPin(id=checklist.id, version=checklist.version),
                            meta=Meta(title="Everything answered", assessor="Studio Lindenblatt"))
    for _ in range(3):  # answers can reveal later questions; a few passes reach a fixed point
        visible, _answers = visible_answers(checklist, assessment.answers, today)
        for q in visible:
            if q.id not in assessment.answers:
                assessment.answers[q.id] = _generic_answer(q, names, today)
    if checklist.documents.person_name:
        assessment.answers[checklist.documents.person_name] = Answer(text="Anna Schmidt")
    return assessment
