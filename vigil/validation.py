"""Check an assessment against the checklist it pins: every answer fits its question."""

from __future__ import annotations

import datetime as dt

from vigil.models import kinds
from vigil.models.assessment import Answer, Assessment
from vigil.models.checklist import YES_NO_OPTIONS, Checklist, PeopleFieldKind, Question, QuestionKind


def answer_problems(question: Question, answer: Answer) -> list[str]:
    """What is wrong with one answer, as short phrases (empty when it fits)."""
    problems: list[str] = []
    expected = kinds.spec(question.kind).field
    for name in kinds.stray_fields(question, answer):
        problems.append(f"a {question.kind.value} question takes {expected!r}, not {name!r}")
    if answer.dont_know and not question.allow_dont_know:
        problems.append("this question does not allow \"don't know\"")
    limit = kinds.spec(question.kind).max_length
    if limit is not None and answer.text is not None and len(answer.text) > limit:
        what = question.kind.value.replace("_", " ")
        problems.append(f"a {what} holds at most {limit:,} characters, this one has {len(answer.text):,}")
    options = question.option_ids()
    if question.kind == QuestionKind.yes_no:
        options = YES_NO_OPTIONS  # a "not applicable" saved before the question stopped offering it is kept
    if answer.choice is not None and answer.choice not in options:
        problems.append(f"{answer.choice!r} is not one of its options")
    for c in answer.choices or []:
        if c not in options:
            problems.append(f"{c!r} is not one of its options")
    if answer.number is not None:
        if question.min is not None and answer.number < question.min:
            problems.append(f"{answer.number:g} is below the minimum {question.min:g}")
        if question.max is not None and answer.number > question.max:
            problems.append(f"{answer.number:g} is above the maximum {question.max:g}")
    fields = {f.id: f for f in question.fields}
    for person in answer.people or []:
        for fid, value in person.values.items():
            fld = fields.get(fid)
            if fld is None:
                problems.append(f"the register has no field {fid!r}")
            elif fld.kind == PeopleFieldKind.multi_choice:
                allowed = {o.id for o in fld.options}
                for v in value if isinstance(value, list) else [value] if value is not None else []:
                    if v not in allowed:
                        problems.append(f"{v!r} is not an option of field {fid!r}")
            elif isinstance(value, list):
                problems.append(f"field {fid!r} takes one value, not a list")
            elif (fld.kind == PeopleFieldKind.single_choice and value is not None
                  and value not in {o.id for o in fld.options}):
                problems.append(f"{value!r} is not an option of field {fid!r}")
    return problems


def date_problems(checklist: Checklist, assessment: Assessment, today: dt.date) -> list[str]:
    """Dates of birth and death that cannot be (the questions the checklist's document bindings name)."""
    bindings = checklist.documents

    def date_of(qid: str | None) -> dt.date | None:
        answer = assessment.answers.get(qid) if qid else None
        return answer.date if answer is not None and not answer.dont_know else None

    born, died = date_of(bindings.born), date_of(bindings.died)
    problems: list[str] = []
    if born is not None and born > today:
        problems.append(f"answers.{bindings.born}: the date of birth {born.isoformat()} is in the future")
    if died is not None and died > today:
        problems.append(f"answers.{bindings.died}: the date of death {died.isoformat()} is in the future")
    if born is not None and died is not None and died < born:
        problems.append(f"answers.{bindings.died}: the date of death {died.isoformat()} is before the date of "
                        f"birth {born.isoformat()}")
    return problems


def assessment_problems(checklist: Checklist, assessment: Assessment, today: dt.date | None = None) -> list[str]:
    """Every mismatch between an assessment and its checklist, as ``answers.ID: problem`` lines.

    With ``today``, dates of birth and death are checked too (none in the future, death not before birth).
    """
    problems: list[str] = []
    if (assessment.checklist.id, assessment.checklist.version) != (checklist.id, checklist.version):
        problems.append(f"checklist: the assessment pins {assessment.checklist.id} "
                        f"{assessment.checklist.version}, not {checklist.id} {checklist.version}")
    questions = {q.id: q for q in checklist.questions()}
    for qid, answer in assessment.answers.items():
        q = questions.get(qid)
        if q is None:
            problems.append(f"answers.{qid}: the checklist has no such question")
            continue
        problems += [f"answers.{qid}: {p}" for p in answer_problems(q, answer)]
    for qid in assessment.open_items:
        if qid not in questions:
            problems.append(f"open_items.{qid}: the checklist has no such question")
    if today is not None:
        problems += date_problems(checklist, assessment, today)
    return problems
