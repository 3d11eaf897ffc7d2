"""Practice defaults and templates: how a new assessment starts, and when a filled-in answer stops being marked.

Pure: no store, no clock beyond what the caller passes. An answer filled in from the practice defaults or a template
carries a ``Prefill`` mark on the assessment; the mark holds while the answer is unchanged and ``settle`` (run by the
store at each save) drops it once the user has changed that answer.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from vigil.models.assessment import Answer, Assessment, ChecklistPin, Maker, Meta, Prefill, utc_now
from vigil.models.checklist import Checklist
from vigil.models.profile import PracticeDefaults, Template


def _pin(checklist: Checklist) -> ChecklistPin:
    return ChecklistPin(id=checklist.id, version=checklist.version)


def _given(answer: Answer) -> bool:
    return answer.has_value or answer.dont_know


def practice_defaults(checklist: Checklist, answers: Mapping[str, Answer]) -> PracticeDefaults:
    """The defaults: the given answers to the checklist's practice questions (and nothing else)."""
    keep = {qid: a.model_copy(deep=True) for qid, a in answers.items() if qid in checklist.practice and _given(a)}
    return PracticeDefaults(checklist=_pin(checklist), answers=keep)


def template_from(checklist: Checklist, assessment: Assessment, name: str) -> Template:
    """A template from ``assessment``: every given answer except those specific to the person and family."""
    personal = checklist.personal_questions()
    known = {q.id for q in checklist.questions()}
    answers = {
        qid: a.model_copy(deep=True) for qid, a in assessment.answers.items()
        if qid in known and qid not in personal and _given(a) and not a.dont_know
    }
    return Template(name=name.strip(), checklist=_pin(checklist), answers=answers)


def _usable(source: ChecklistPin, checklist: Checklist) -> bool:
    return source.id == checklist.id


def start(checklist: Checklist, *, title: str, language: str, maker: Maker | None = None,
          defaults: PracticeDefaults | None = None, template: Template | None = None) -> Assessment:
    """A new assessment on ``checklist``: the practice defaults filled in, then the template's answers (a template
    is the more specific starting point, so it wins), each marked. Answers to questions this checklist version no
    longer has are left out."""
    known = {q.id for q in checklist.questions()}
    answers: dict[str, Answer] = {}
    marks: dict[str, Prefill] = {}
    layers: list[tuple[Literal["practice", "template"], Mapping[str, Answer]]] = []
    if defaults is not None and _usable(defaults.checklist, checklist):
        layers.append(("practice", {q: a for q, a in defaults.answers.items() if q in checklist.practice}))
    if template is not None and _usable(template.checklist, checklist):
        layers.append(("template", template.answers))
    for source, given in layers:
        for qid, answer in given.items():
            if qid not in known:
                continue
            answers[qid] = answer.model_copy(deep=True)
            marks[qid] = Prefill(source=source, answer=answer.model_copy(deep=True))
    now = utc_now()
    return Assessment(
        checklist=_pin(checklist),
        meta=Meta(title=title.strip(), language=language, created=now, updated=now),
        maker=maker.model_copy() if maker is not None else Maker(),
        answers=answers,
        prefilled=marks,
    )


def settle(assessment: Assessment) -> Assessment:
    """The assessment without the marks of answers the user has since changed (or removed)."""
    marks = assessment.prefilled
    if not marks:
        return assessment
    kept = {qid: m for qid, m in marks.items() if assessment.answers.get(qid) == m.answer}
    if len(kept) == len(marks):
        return assessment
    return assessment.model_copy(update={"prefilled": kept})


def mark(assessment: Assessment, question_id: str) -> Prefill | None:
    """The mark of a question whose answer is still the one filled in, else None."""
    found = assessment.prefilled.get(question_id)
    if found is None or assessment.answers.get(question_id) != found.answer:
        return None
    return found
