"""The one-page summary for the family, written to them: what will be made, of whom, for whom; who is asked and
what they may say; how to withdraw; where to find support. No scores, no maker tasks, no legal terms, and no other
relative's position unless the maker chooses to share them (``DocumentInput.share_positions``).
"""

from __future__ import annotations

from pydantic import BaseModel

from vigil.models.common import pick
from vigil.render.consent import rows
from vigil.render.input import DocumentInput
from vigil.render.payload import Base, Logo, Row, logo_of
from vigil.render.plan import Known, Topic
from vigil.render.strings import template_strings
from vigil.render.text import doc, format_date, isolate
from vigil.support import support_for

WHAT = (Topic.made, Topic.description, Topic.of_whom, Topic.audience, Topic.words, Topic.voice, Topic.label,
        Topic.commercial)
WITHDRAW = (Topic.withdraw_who, Topic.withdraw_contact, Topic.withdraw_from, Topic.withdraw_copies)


class Support(BaseModel):
    name: str
    description: str
    contact: str


class FamilyPayload(Base):
    title: str
    to: str
    intro: str
    what: list[Row]
    asked: list[str]
    asked_intro: str
    answers: list[str]
    withdraw: list[Row]
    support: list[Support]
    prepared: str
    logo: Logo | None


def _intro(inp: DocumentInput, name: str) -> str:
    """Who would like to make it, by name when the maker gave one: "Someone" is cold when it is their daughter."""
    who = isolate(inp.maker.name.strip() or inp.maker.organisation.strip())
    return doc(inp.lang, "family.intro_named", who=who, name=name) if who else doc(inp.lang, "family.intro", name=name)


def family_payload(inp: DocumentInput) -> FamilyPayload:
    lang, plan = inp.lang, inp.plan
    share = inp.share_positions
    name = isolate(plan.person_name) if plan.person_name else doc(lang, "unknown_person")
    asked = []
    for p in inp.facts.people:
        if p.declined and not share:
            continue
        parts = [isolate(p.name) or doc(lang, "family.unnamed")]
        if p.relation:
            parts.append(p.relation)
        if share and p.position:
            parts.append(p.position)
        asked.append(" · ".join(parts))
    support = [Support(name=pick(r.name, lang), description=pick(r.description, lang), contact=pick(r.contact, lang))
               for r in support_for(inp.checklist, inp.answers, lang)]
    return FamilyPayload(
        lang=lang,
        s=template_strings(lang),
        doc_title=doc(lang, "family.doc_title", name=plan.person_name or pick(inp.checklist.title, lang)),
        header=doc(lang, "family.title", name=name),
        footer_note=inp.footer(),
        title=doc(lang, "family.title", name=name),
        to=doc(lang, "family.to", name=name),
        intro=_intro(inp, name),
        what=rows(plan.part(WHAT)),
        asked=asked,
        asked_intro=doc(lang, "family.asked_intro" if asked else "family.asked_none"),
        # the example "the picture but not the voice" makes no sense for a silent clip
        answers=[doc(lang, f"family.answer.{k}")
                 for k in ("yes", "no", "parts_silent" if plan.voice == Known.no else "parts", "later")],
        withdraw=rows(plan.part(WITHDRAW)) if plan.part(WITHDRAW) else [],
        support=support,
        prepared=doc(lang, "consent.prepared", date=format_date(inp.today, lang)),
        logo=logo_of(inp),
    )
