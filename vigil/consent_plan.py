"""The plan a relative is asked about: its statements in words and the items asked, for the relative's page.

The statements come from the one plan function (``vigil.render.plan.build_plan``) that the consent form, the
family summary and the report use, so the page can only say what the answers say; the items asked are the consent
form's permissions (only what the plan includes or cannot rule out). The language-free snapshot an agreement is
tied to is ``vigil.consent_state.plan_snapshot``.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict

from vigil import i18n
from vigil.models.assessment import Assessment
from vigil.models.checklist import Checklist
from vigil.render.consent import permissions
from vigil.render.plan import Plan, build_plan
from vigil.render.text import doc, isolate
from vigil.visibility import visible_answers


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


def plan_of(checklist: Checklist, assessment: Assessment, lang: str, today: dt.date) -> Plan:
    visible, effective = visible_answers(checklist, assessment.answers, today)
    return build_plan(checklist, {q.id: q for q in visible}, effective, lang)


def _name(plan: Plan, lang: str) -> str:
    return isolate(plan.person_name) if plan.person_name else doc(lang, "unknown_person")


def plan_statements(checklist: Checklist, assessment: Assessment, lang: str, today: dt.date
                    ) -> list[PlanStatement]:
    """The plan in words, in ``lang``: what the consent form says, statement by statement."""
    plan = plan_of(checklist, assessment, lang, today)
    return [PlanStatement(id=s.topic.value, label=s.label, text=s.text if s.decided else None)
            for s in plan.statements]


def asked_items(checklist: Checklist, assessment: Assessment, lang: str, today: dt.date) -> list[AskedItem]:
    plan = plan_of(checklist, assessment, lang, today)
    name = _name(plan, lang)
    return [AskedItem(id=p, text=doc(lang, f"consent.perm.{p}", name=name)) for p in permissions(plan)]


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
    name = _name(plan_of(checklist, assessment, lang, today), lang)
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
