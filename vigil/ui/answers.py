"""Change an assessment as the user's widgets say: values, "don't know", notes, evidence, open items, the people
register and the assessment's details. Plain Python, no Streamlit (what each kind's widget value means is in
``vigil.ui.kind_widgets``).

Each ``set_*`` function changes one assessment in place; the session saves it afterwards. An answer that
ends up empty (no value, no "don't know", no note, no evidence) is removed, so the assessment file holds
only what the user actually said.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from vigil.models.assessment import Answer, Assessment, Evidence, OpenItem, Person
from vigil.models.checklist import PeopleFieldKind, Question
from vigil.models.kinds import spec

_SHORT = 2_000
_LONG = 50_000


def answer_of(assessment: Assessment, qid: str) -> Answer:
    """The stored answer, or an empty one (not added to the assessment)."""
    return assessment.answers.get(qid) or Answer()


def _store(assessment: Assessment, qid: str, answer: Answer) -> None:
    empty = not answer.has_value and not answer.dont_know and not answer.note.strip() and not answer.evidence
    if empty:
        assessment.answers.pop(qid, None)
    else:
        assessment.answers[qid] = answer


def _updated(old: Answer, **changes: Any) -> Answer:
    return Answer.model_validate({**old.model_dump(), **changes})


def cut_text(value: object, limit: int | None) -> str | None:
    """A text as stored: without NUL, at most ``limit`` characters, None when blank."""
    if value is None:
        return None
    text = str(value).replace("\x00", "")[:limit]
    return text if text.strip() else None


# --------------------------------------------------------------------------- values


def record(assessment: Assessment, qid: str, changes: dict[str, Any]) -> None:
    """Record the value fields a question's widget now sets (``vigil.ui.kind_widgets`` works them out from the
    widget's value). A real value ends "don't know"."""
    old = answer_of(assessment, qid)
    if any(v not in (None, []) for k, v in changes.items() if k != "dont_know"):
        changes = {**changes, "dont_know": False}
    _store(assessment, qid, _updated(old, **changes))
    if assessment.answers.get(qid, Answer()).dont_know:
        ensure_open_item(assessment, qid)


def set_dont_know(assessment: Assessment, question: Question, flag: bool) -> None:
    """Mark (or unmark) "don't know"; marking it opens an open item for the question."""
    if flag and not question.allow_dont_know:
        return
    old = answer_of(assessment, question.id)
    changes: dict[str, Any] = {"dont_know": flag}
    if flag and spec(question.kind).pick_one:  # "don't know" takes the place of the one option
        changes["choice"] = None
    _store(assessment, question.id, _updated(old, **changes))
    if flag:
        ensure_open_item(assessment, question.id)


# --------------------------------------------------------------------------- note, evidence, open items


def set_note(assessment: Assessment, qid: str, note: str | None) -> None:
    old = answer_of(assessment, qid)
    _store(assessment, qid, _updated(old, note=(note or "").replace("\x00", "")[:_LONG]))


def evidence_for(file_name: str, data: bytes, today: dt.date, description: str = "") -> Evidence:
    """A reference to a file: its name and SHA-256, computed in memory. The file itself is not kept."""
    return Evidence(
        file_name=(file_name.replace("\x00", "") or "file")[:_SHORT],
        sha256=hashlib.sha256(data).hexdigest(),
        date=today,
        description=description[:_SHORT],
    )


def add_evidence(assessment: Assessment, qid: str, evidence: Evidence) -> None:
    old = answer_of(assessment, qid)
    _store(assessment, qid, _updated(old, evidence=[*old.model_dump()["evidence"], evidence.model_dump()]))


def remove_evidence(assessment: Assessment, qid: str, index: int) -> None:
    old = answer_of(assessment, qid)
    kept = [e.model_dump() for i, e in enumerate(old.evidence) if i != index]
    _store(assessment, qid, _updated(old, evidence=kept))


def ensure_open_item(assessment: Assessment, qid: str) -> OpenItem:
    item = assessment.open_items.get(qid)
    if item is None:
        item = OpenItem(question_id=qid)
        assessment.open_items[qid] = item
    return item


def set_open_item(assessment: Assessment, qid: str, field: str, value: object) -> None:
    """Change one field of an open item: ``what``, ``who`` (text), ``due`` (date or None), ``done``."""
    item = ensure_open_item(assessment, qid)
    if field in ("what", "who"):
        setattr(item, field, str(value or "").replace("\x00", "")[:_SHORT])
    elif field == "due":
        item.due = value if isinstance(value, dt.date) else None
    elif field == "done":
        item.done = bool(value)
    else:
        raise ValueError(f"an open item has no field {field!r}")


# --------------------------------------------------------------------------- the people register


def people_of(assessment: Assessment, qid: str) -> list[Person]:
    return list(answer_of(assessment, qid).people or [])


def _set_people(assessment: Assessment, qid: str, people: list[Person]) -> None:
    old = answer_of(assessment, qid)
    dumped = [p.model_dump() for p in people]
    _store(assessment, qid, _updated(old, people=dumped or None, dont_know=old.dont_know and not people))


def add_person(assessment: Assessment, question: Question) -> str:
    """Add an empty row to the register; returns its id."""
    person = Person(values={f.id: None for f in question.fields})
    _set_people(assessment, question.id, [*people_of(assessment, question.id), person])
    return person.id


def remove_person(assessment: Assessment, qid: str, person_id: str) -> None:
    _set_people(assessment, qid, [p for p in people_of(assessment, qid) if p.id != person_id])


def person_field_value(question: Question, field_id: str, value: object) -> str | list[str] | None:
    """A person's field as stored: a choice id, a list of choice ids, a text or an ISO date string."""
    fld = next(f for f in question.fields if f.id == field_id)
    if value is None:
        return None
    if fld.kind == PeopleFieldKind.date:
        return value.isoformat() if isinstance(value, dt.date) else None
    if fld.kind == PeopleFieldKind.single_choice:
        return str(value) if value in {o.id for o in fld.options} else None
    if fld.kind == PeopleFieldKind.multi_choice:
        chosen = value if isinstance(value, list | tuple) else [value]
        return [o.id for o in fld.options if o.id in chosen]
    return cut_text(value, _SHORT)


def set_person_value(assessment: Assessment, question: Question, person_id: str, field_id: str,
                     value: object) -> None:
    stored = person_field_value(question, field_id, value)
    people = []
    for p in people_of(assessment, question.id):
        if p.id == person_id:
            p = Person(id=p.id, values={**p.values, field_id: stored})
        people.append(p)
    _set_people(assessment, question.id, people)


def person_widget_value(question: Question, field_id: str, stored: str | list[str] | None) -> Any:
    fld = next(f for f in question.fields if f.id == field_id)
    if fld.kind == PeopleFieldKind.multi_choice:
        return list(stored) if isinstance(stored, list) else [stored] if stored else []
    if isinstance(stored, list):
        return None
    if fld.kind == PeopleFieldKind.date:
        try:
            return dt.date.fromisoformat(stored) if stored else None
        except ValueError:
            return None
    if fld.kind == PeopleFieldKind.single_choice:
        return stored
    return stored or ""


# --------------------------------------------------------------------------- the assessment's own details


def set_meta(assessment: Assessment, field: str, value: object) -> None:
    """Change the title or the assessor (the maker's name, shown in the documents)."""
    if field not in ("title", "assessor"):
        raise ValueError(f"the assessment details have no field {field!r}")
    setattr(assessment.meta, field, str(value or "").replace("\x00", "").strip()[:_SHORT])
