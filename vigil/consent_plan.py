"""The plan a relative is asked about: its statements in words, their typed values, and the items asked.

The statements are the ones the consent form prints (``vigil.render.facts``: visible answers only, unanswered
reads "not yet decided"), so the relative's page can only say what the answers say. The snapshot holds the same
statements as typed, language-free values (choice ids, texts, numbers), and its fingerprint is what an agreement
is tied to: a later change in any of them marks the agreement as given for an earlier plan.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict

from vigil import i18n
from vigil.consent_state import STATEMENTS
from vigil.engine import evaluate, visible_answers
from vigil.models.assessment import Assessment
from vigil.models.checklist import Checklist
from vigil.render.consent import PERMISSIONS
from vigil.render.facts import read_facts
from vigil.render.text import answer_text, doc, isolate

ITEMS = PERMISSIONS
"""What a relative is asked to agree to, item by item (the consent form's permissions)."""


class PlanStatement(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    label: str
    text: str | None
    """The statement in words; None when it is not yet decided."""


class AskedItem(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    text: str


def person_name(checklist: Checklist, assessment: Assessment, lang: str, today: dt.date) -> str:
    """The name of the person who died, or 'the person' in words."""
    facts = read_facts(checklist, assessment, evaluate(checklist, assessment, today), lang, today)
    return isolate(facts.person_name) if facts.person_name else doc(lang, "unknown_person")


def plan_statements(checklist: Checklist, assessment: Assessment, lang: str, today: dt.date
                    ) -> list[PlanStatement]:
    """The plan in words, in ``lang``: what the consent form says, statement by statement."""
    visible, answers = visible_answers(checklist, assessment.answers, today)
    questions = {q.id: q for q in visible}
    name = person_name(checklist, assessment, lang, today)
    out: list[PlanStatement] = []
    for sid in STATEMENTS:
        qid = getattr(checklist.documents, sid)
        if qid is None:
            continue
        question = questions.get(qid)
        answer = answers.get(qid)
        text = answer_text(question, answer, lang).strip() if question is not None and answer is not None \
            and answer.is_answered else None
        if sid == "platforms" and question is None:
            continue  # not asked for this plan (e.g. family only): nothing to say
        label = i18n.t(lang, "consent_page.plan.platforms") if sid == "platforms" \
            else doc(lang, f"consent.{sid}", name=name)
        out.append(PlanStatement(id=sid, label=label, text=text or None))
    return out


def asked_items(checklist: Checklist, assessment: Assessment, lang: str, today: dt.date) -> list[AskedItem]:
    name = person_name(checklist, assessment, lang, today)
    return [AskedItem(id=p, text=doc(lang, f"consent.perm.{p}", name=name)) for p in ITEMS]


class PageText(BaseModel):
    """Everything the relative's page says about the plan, in one language. Its ``as_text`` is what is hashed
    into the record (and kept beside it), so the record says exactly what the person was shown."""

    model_config = ConfigDict(frozen=True)

    lang: str
    title: str
    intro: str
    statements: list[PlanStatement]
    undecided: str
    items_intro: str
    items: list[AskedItem]
    freedom: str
    declaration: str

    def as_text(self) -> str:
        lines = [self.title, "", self.intro, ""]
        lines += [f"{s.label}: {s.text if s.text is not None else self.undecided}" for s in self.statements]
        lines += ["", self.items_intro]
        lines += [f"- {item.text}" for item in self.items]
        lines += ["", self.freedom, "", self.declaration]
        return "\n".join(lines) + "\n"


def page_text(checklist: Checklist, assessment: Assessment, lang: str, today: dt.date) -> PageText:
    name = person_name(checklist, assessment, lang, today)
    return PageText(
        lang=lang,
        title=i18n.t(lang, "consent_page.title", name=name),
        intro=doc(lang, "consent.intro", name=name),
        statements=plan_statements(checklist, assessment, lang, today),
        undecided=doc(lang, "undecided"),
        items_intro=i18n.t(lang, "consent_page.items_intro"),
        items=asked_items(checklist, assessment, lang, today),
        freedom=i18n.t(lang, "consent_page.freedom"),
        declaration=i18n.t(lang, "consent_page.declaration"),
    )
