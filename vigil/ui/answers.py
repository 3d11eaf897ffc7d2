"""Turn widget values into answers, and answers into widget values. Plain Python, no Streamlit.

Each ``set_*`` function changes one assessment in place; the session saves it afterwards. An answer that
ends up empty (no value, no "don't know", no note, no evidence) is removed, so the assessment file holds
only what the user actually said.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from vigil.models.assessment import Answer, Assessment, Evidence, OpenItem, Person
from vigil.models.checklist import PeopleFieldKind, Question, QuestionKind

DONT_KNOW = "__dont_know__"
"""The extra option a choice question shows when "don't know" is allowed."""

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


def _clean_text(value: object, limit: int) -> str | None:
    if value is None:
        return None
    text = str(value).replace("\x00", "")[:limit]
    return text if text.strip() else None


# --------------------------------------------------------------------------- values


def value_changes(question: Question, value: object) -> dict[str, Any]:
    """The answer fields a widget value sets (the value fields only)."""
    kind = question.kind
    if kind in (QuestionKind.single_choice, QuestionKind.yes_no):
        if value == DONT_KNOW:
            return {"choice": None, "dont_know": True}
        choice = value if value in question.option_ids() else None
        return {"choice": choice, "dont_know": False}
    if kind == QuestionKind.multi_choice:
        chosen = [c for c in (value or []) if c in question.option_ids()]  # type: ignore[attr-defined]
        return {"choices": chosen or None}
    if kind == QuestionKind.short_text:
        return {"text": _clean_text(value, _SHORT)}
    if kind == QuestionKind.long_text:
        return {"text": _clean_text(value, _LONG)}
    if kind == QuestionKind.number:
        return {"number": None if value is None else float(value)}  # type: ignore[arg-type]
    if kind == QuestionKind.date:
        return {"date": value if isinstance(value, dt.date) else None}
    raise ValueError(f"{kind.value} questions are changed person by person")


def set_value(assessment: Assessment, question: Question, value: object) -> None:
    """Record what the question's main widget now says. A real value ends "don't know"."""
    old = answer_of(assessment, question.id)
    changes = value_changes(question, value)
    if any(v not in (None, []) for k, v in changes.items() if k != "dont_know"):
        changes["dont_know"] = False
    _store(assessment, question.id, _updated(old, **changes))
    if assessment.answers.get(question.id, Answer()).dont_know:
        ensure_open_item(assessment, question.id)


def set_dont_know(assessment: Assessment, question: Question, flag: bool) -> None:
    """Mark (or unmark) "don't know"; marking it opens an open item for the question."""
    if flag and not question.allow_dont_know:
        return
    old = answer_of(assessment, question.id)
    changes: dict[str, Any] = {"dont_know": flag}
    if flag and question.kind in (QuestionKind.single_choice, QuestionKind.yes_no):
        changes["choice"] = None
    _store(assessment, question.id, _updated(old, **changes))
    if flag:
        ensure_open_item(assessment, question.id)


def widget_value(question: Question, answer: Answer | None) -> Any:
    """What the question's main widget shows for ``answer``."""
    a = answer or Answer()
    kind = question.kind
    if kind in (QuestionKind.single_choice, QuestionKind.yes_no):
        return DONT_KNOW if a.dont_know and question.allow_dont_know else a.choice
    if kind == QuestionKind.multi_choice:
        return list(a.choices or [])
    if kind in (QuestionKind.short_text, QuestionKind.long_text):
        return a.text or ""
    if kind == QuestionKind.number:
        return a.number
    if kind == QuestionKind.date:
        return a.date
    return None


def choice_options(question: Question) -> list[str]:
    """The options a choice widget offers, "don't know" last where it is allowed."""
    options = list(question.option_ids())
    if question.allow_dont_know and question.kind != QuestionKind.multi_choice:
        options.append(DONT_KNOW)
    return options


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
    limit = _SHORT
    return _clean_text(value, limit)


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
