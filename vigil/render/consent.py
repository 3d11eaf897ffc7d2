"""The family consent form: the plan in plain statements, a tick box per permission the plan needs, for each
relative; who asks on every page; a short notice written for the family.

Tick items are only those the plan includes or cannot rule out: no voice item for a silent clip, no commercial
item when no one earns money from it, no sharing item for family-only media, no keeping item while it is not
decided how long anything is kept.
"""

from __future__ import annotations

from babel.lists import format_list
from pydantic import BaseModel

from vigil.i18n import formats
from vigil.models.common import pick
from vigil.render.facts import PersonRow
from vigil.render.input import DocumentInput
from vigil.render.payload import Base, Logo, Row, logo_of
from vigil.render.plan import KEEPING, WITHDRAWING, Known, Plan, Statement
from vigil.render.strings import template_strings
from vigil.render.text import doc, format_date, isolate


class Signer(BaseModel):
    name: str
    relation: str


class ConsentPayload(Base):
    to: str
    intro: str
    who_asks: list[Row]
    plan: list[Row]
    keeping: list[Row]
    withdrawing: list[Row]
    permissions: list[str]
    signers: list[Signer]
    declined_note: str
    nothing_to_sign: str
    """Said under the signatures heading when everyone named has said no: no boxes follow."""
    closing: str
    regards: str
    prepared: str
    family_notice: str
    logo: Logo | None


PERMISSIONS = ("likeness", "voice", "new_words", "public", "commercial", "retention")
"""Every item a relative may be asked to agree to, in the form's order; a plan asks for some (``permissions``)."""


def permissions(plan: Plan) -> list[str]:
    """The permission ids the form asks for, in order."""
    out = []
    if plan.likeness != Known.no:
        out.append("likeness")
    if plan.voice != Known.no:
        out.append("voice")
    if plan.new_words != Known.no:
        out.append("new_words")
    if plan.beyond_family != Known.no:
        out.append("public")
    if plan.commercial != Known.no:
        out.append("commercial")
    if plan.retention_decided:
        out.append("retention")
    return out


def rows(statements: list[Statement]) -> list[Row]:
    return [Row(label=s.label, value=s.text, decided=s.decided) for s in statements]


def _signer(person: PersonRow, lang: str) -> Signer:
    """Who signs: the person, or for a minor child the parent or guardian who answers for them."""
    if person.guardian:
        return Signer(name=isolate(person.guardian),
                      relation=doc(lang, "consent.signs_for", name=isolate(person.name), relation=person.relation))
    return Signer(name=isolate(person.name), relation=person.relation)


def consent_payload(inp: DocumentInput) -> ConsentPayload:
    lang, plan, facts = inp.lang, inp.plan, inp.facts
    name = isolate(plan.person_name) if plan.person_name else doc(lang, "unknown_person")
    maker = inp.maker
    who = [Row(label=doc(lang, f"who.{k}"), value=isolate(v.strip()), decided=True)
           for k, v in (("name", maker.name), ("organisation", maker.organisation), ("contact", maker.contact),
                        ("reference", inp.reference)) if v.strip()]
    main = [s for s in plan.statements if s.topic not in KEEPING + WITHDRAWING]
    # someone who has said no is not handed a form to sign: their no stands, and the form would press them
    signers = [_signer(p, lang) for p in facts.people if not p.declined]
    declined = [isolate(p.name) for p in facts.people if p.declined]
    if not facts.people:
        signers = [Signer(name="", relation=""), Signer(name="", relation="")]
    asker = isolate(maker.name.strip() or maker.organisation.strip())
    return ConsentPayload(
        lang=lang,
        s=template_strings(lang),
        doc_title=doc(lang, "consent.doc_title", name=plan.person_name or pick(inp.checklist.title, lang)),
        header=f"{doc(lang, 'consent.title')} · {name}",
        footer_note=inp.footer(),
        to=doc(lang, "consent.to", name=name),
        intro=doc(lang, "consent.intro", name=name),
        who_asks=who,
        plan=rows(main),
        keeping=rows(plan.part(KEEPING)),
        withdrawing=rows(plan.part(WITHDRAWING)),
        permissions=[doc(lang, f"consent.perm.{p}", name=name) for p in permissions(plan)],
        signers=signers,
        nothing_to_sign=doc(lang, "consent.nothing_to_sign") if not signers else "",
        declined_note=formats.tn(lang, "doc.consent.declined", len(declined),
                                 names=format_list(declined, locale=formats.locale_of(lang))) if declined else "",
        closing=doc(lang, "consent.closing"),
        regards=doc(lang, "consent.regards", maker=asker) if asker else "",
        prepared=doc(lang, "consent.prepared", date=format_date(inp.today, lang)),
        family_notice=doc(lang, "consent.family_notice"),
        logo=logo_of(inp),
    )
