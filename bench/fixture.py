"""The data every measurement shares: a full assessment of the shipped checklist, its busiest section, and
the widget spec that ``bench/bare_app.py`` draws (the same widgets as the questionnaire, with no logic)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.support.people import person_row
from vigil.catalog import load_catalog
from vigil.engine import evaluate
from vigil.i18n import t, words
from vigil.models import kinds
from vigil.models.assessment import Answer, Assessment, ChecklistPin, Meta, OpenItem, Person
from vigil.models.checklist import Checklist, Question, QuestionKind
from vigil.models.common import pick
from vigil.models.kinds import sample_answer
from vigil.render.text import choice_label
from vigil.visibility import visible_answers

TODAY = dt.date(2026, 11, 20)
LANG = "en"

NAMES = (
    "Jürgen Weiß", "Олена Ґудзь", "王秀英", "فاطمة الزهراء", "Zoë Ångström", "Παναγιώτης Παπαδόπουλος",
    "דוד לוי", "佐藤 美咲", "김민준", "Nguyễn Thị Hồng", "Łukasz Żółć", "Ahmet Yılmaz", "Siobhán Ní Bhriain",
    "Пётр Ильич", "José Núñez", "Ørjan Søvik", "Ngozi Okonkwo", "Aarav Sharma", "Björk Guðmundsdóttir",
    "Tōru Kaneshiro",
)
"""20 relatives, names in Latin (with diacritics), Cyrillic, Greek, Hebrew, Arabic, Chinese, Japanese, Korean."""

_PARAGRAPH = (
    "We met the family at the kitchen table and went through every part of the plan, slowly, twice. "
    "They asked where the recordings would be kept, who could see them, and whether the voice model could "
    "ever be used again for anything else. Олена asked for a copy of this note; 王秀英 wants the label in "
    "Chinese as well. فاطمة would like to see the draft before anyone else does. "
)
LONG_NOTE = (_PARAGRAPH * 6)[:2000]
"""About 2,000 characters, mixed scripts, on many answers."""


def shipped_checklist() -> Checklist:
    return next(c for c in load_catalog().latest() if c.id == "memorial_media")


def _candidates(q: Question) -> list[Answer]:
    """The answers worth trying for ``q`` (choice questions: each option; others: one plain value)."""
    if kinds.spec(q.kind).pick_one:
        return [Answer(choice=o) for o in q.option_ids()]
    if q.kind == QuestionKind.multi_choice:
        return [Answer(choices=list(q.option_ids()))]
    if q.kind == QuestionKind.people:
        return [Answer(people=[_person(q, i, name) for i, name in enumerate(NAMES)])]
    text = LONG_NOTE[:900] if q.kind == QuestionKind.long_text else f"A short answer to {q.id}: Jürgen, Олена, 王秀英"
    return [sample_answer(q, TODAY, text=text, number=83,
                          date=dt.date(1941, 3, 2) if q.id == "born" else dt.date(2024, 6, 9))]


def _person(q: Question, i: int, name: str) -> Person:
    return person_row(q, i, name, LONG_NOTE[: 300 + 40 * i], person_id=f"p{i:02d}")


def full_assessment(checklist: Checklist) -> Assessment:
    """Every visible question answered; where a choice reveals more questions, the choice showing the most."""
    a = Assessment(checklist=ChecklistPin(id=checklist.id, version=checklist.version),
                   meta=Meta(title="Birthday greeting for Anna", assessor="Studio Lindenblatt", language=LANG))
    for _ in range(10):  # answers reveal later questions; a few passes reach a fixed point
        visible, _ = visible_answers(checklist, a.answers, TODAY)
        todo = [q for q in visible if q.id not in a.answers]
        if not todo:
            break
        for q in todo:
            best, best_n = None, -1
            for cand in _candidates(q):
                trial = {**a.answers, q.id: cand}
                n = len(visible_answers(checklist, trial, TODAY)[0])
                if n > best_n:
                    best, best_n = cand, n
            assert best is not None
            a.answers[q.id] = best
    b = checklist.documents
    if b.person_name:
        a.answers[b.person_name] = Answer(text="Anna Schmidt")
    # long notes on every other answer, and two "don't know" answers with their open items
    visible, _ = visible_answers(checklist, a.answers, TODAY)
    for n, q in enumerate(visible):
        if n % 2 == 0:
            a.answers[q.id].note = LONG_NOTE
    unknowable = [q for q in visible if q.allow_dont_know and q.kind in (QuestionKind.short_text,
                                                                           QuestionKind.long_text)][:2]
    for q in unknowable:
        a.answers[q.id] = Answer(dont_know=True, note=LONG_NOTE)
        a.open_items[q.id] = OpenItem(question_id=q.id, what="Ask the estate's lawyer", who="Jürgen Weiß",
                                      due=dt.date(2026, 12, 1))
    return a


@dataclass
class Busiest:
    section_id: str
    index: int
    """Position among the visible sections."""
    next_id: str
    questions: list[Question]


def busiest_section(checklist: Checklist, assessment: Assessment) -> Busiest:
    """The visible section with the most visible questions (it must have a visible section after it)."""
    ev = evaluate(checklist, assessment, TODAY)
    visible = [s.id for s in ev.sections]
    ranked = sorted(ev.sections[:-1], key=lambda s: -len(s.visible_questions))
    best = ranked[0]
    section = next(s for s in checklist.sections if s.id == best.id)
    shown = set(best.visible_questions)
    i = visible.index(best.id)
    return Busiest(best.id, i, visible[i + 1], [q for q in section.questions if q.id in shown])


# --------------------------------------------------------------------------- the bare app's widgets


def _question_spec(checklist: Checklist, q: Question, answer: Answer | None) -> dict[str, Any]:
    """What the questionnaire draws for one question, as plain data (labels already in English)."""
    spec: dict[str, Any] = {
        "key": q.id, "kind": q.kind.value, "label": pick(q.text, LANG), "help": pick(q.help, LANG),
        "options": [], "dont_know_box": False, "open_item": bool(answer and answer.dont_know),
        "rationale": pick(q.rationale, LANG),
        "sources": [checklist.source(s).title for s in q.sources],
        "examples": [{"id": ex.id, "title": pick(ex.title, LANG), "summary": pick(ex.summary, LANG),
                      "describes_death": ex.describes_death} for ex in map(checklist.example, q.examples)],
        "note": answer.note if answer else "",
        "people": [], "fields": [],
    }
    if kinds.spec(q.kind).choice:
        for oid in q.option_ids():
            spec["options"].append(choice_label(q, oid, LANG))
        if q.allow_dont_know and kinds.spec(q.kind).pick_one:
            spec["options"].append(t(LANG, "answer.dont_know"))
    elif q.allow_dont_know:
        spec["dont_know_box"] = True
    if q.kind == QuestionKind.people:
        spec["fields"] = [{"label": pick(f.label, LANG), "kind": f.kind.value,
                           "options": [pick(o.label, LANG) for o in f.options]} for f in q.fields]
        spec["people"] = [dict(p.values) for p in (answer.people or [])] if answer else []
    return spec


def bare_spec(checklist: Checklist, assessment: Assessment) -> dict[str, Any]:
    """Every visible section's widgets, for ``bare_app.py``; it starts on the busiest section."""
    ev = evaluate(checklist, assessment, TODAY)
    busiest = busiest_section(checklist, assessment)
    sections = []
    for s in ev.sections:
        section = next(x for x in checklist.sections if x.id == s.id)
        shown = set(s.visible_questions)
        sections.append({
            "id": s.id, "title": pick(section.title, LANG),
            "intro": pick(section.intro, LANG) if section.intro else "",
            "questions": [_question_spec(checklist, q, assessment.answers.get(q.id))
                          for q in section.questions if q.id in shown],
        })
    return {"title": pick(checklist.title, LANG), "start": busiest.index, "sections": sections,
            "notice": pick(checklist.notice, LANG),
            "findings": [words(f.message, LANG) for f in ev.findings][:5]}


def write_spec(checklist: Checklist, assessment: Assessment, path: Path) -> Path:
    path.write_text(json.dumps(bare_spec(checklist, assessment), ensure_ascii=False), encoding="utf-8")
    return path
