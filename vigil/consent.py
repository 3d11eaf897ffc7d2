"""Who must consent, worked out from the law: pure functions from (law, visible answers, today) to, per person of
the register, ``required`` / ``advised`` / ``no_say`` with the legal basis, and per right that applies, who holds
it and what they said, in a sentence.

The findings that follow from it are made in ``vigil.consent_findings``. No Streamlit, no files, no clock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from vigil.models.assessment import Answer, Person
from vigil.models.checklist import Checklist, PeopleField
from vigil.models.common import LText, isolate
from vigil.models.conditions import Condition, holds, references, whole_years_between
from vigil.models.law import Aspect, Effect, Law, Link, Right, Stance, Term, Tier, Use
from vigil.models.message import Joined, Label, Message, Param, Text, message
from vigil.models.results import ConsentNeed, LegalBasis, PersonConsent, RightOutcome


@dataclass(frozen=True)
class Plan:
    """The facts of the plan the law looks at."""

    uses: frozenset[Use]
    aspects: frozenset[Aspect]
    domicile: frozenset[str]
    shown: frozenset[str]
    died: dt.date | None
    use_assumed: bool = False
    """Nobody has said yet who will see it: Vigil assumes it may be shown publicly."""


@dataclass(frozen=True)
class Applied:
    """A right that applies to the plan, and who in the register holds it."""

    right: Right
    holders: tuple[Person, ...]
    tiers: tuple[Tier, ...]
    effect: Effect
    beyond_term: bool = False
    """Past its years, but it may go on while it is used commercially (asking is advised, not required)."""


@dataclass
class Derivation:
    """Everything the law section says about one assessment."""

    people: list[Person] = field(default_factory=list)
    plan: Plan | None = None
    applied: list[Applied] = field(default_factory=list)
    closest: tuple[Person, ...] = ()
    also: tuple[Person, ...] = ()
    all_listed: bool = False
    consent: list[PersonConsent] = field(default_factory=list)
    rights: list[RightOutcome] = field(default_factory=list)
    exempt: list[Text] = field(default_factory=list)
    """Why a right of the places named does not reach this use, one sentence each."""
    duties: list[str] = field(default_factory=list)
    surprise: bool = False
    """It is meant as a surprise for people who were not asked (``law.facts.surprise``)."""


def _answered(cond: Condition, answers: Mapping[str, Answer]) -> bool:
    """Whether any question the condition names has a real answer."""
    for ref in references(cond):
        a = answers.get(ref.question)
        if a is not None and a.is_answered:
            return True
    return False


def _choices(answers: Mapping[str, Answer], qid: str) -> frozenset[str]:
    a = answers.get(qid)
    if a is None or not a.is_answered:
        return frozenset()
    return frozenset(a.choices or ([a.choice] if a.choice else []))


def plan_of(law: Law, answers: Mapping[str, Answer], today: dt.date) -> Plan:
    facts = law.facts
    commercial = holds(facts.commercial, answers, today)
    public = holds(facts.public, answers, today)
    assumed = not public and not commercial and not _answered(facts.public, answers)
    uses = {Use.private}
    if facts.distribution is not None and holds(facts.distribution, answers, today):
        uses.add(Use.distribution)
    if public or commercial or assumed:
        uses |= {Use.distribution, Use.public}
    if commercial:
        uses.add(Use.commercial)
    died = answers.get(facts.died)
    shown = _choices(answers, facts.shown_in)
    if shown & set(facts.online):
        # openly online reaches the person's home and their relatives' homes, whatever else was named
        shown = shown.union(*(_choices(answers, q) for q in facts.online_reaches))
    return Plan(
        uses=frozenset(uses),
        aspects=frozenset(a for a, cond in facts.aspects.items() if holds(cond, answers, today)),
        domicile=_choices(answers, facts.domicile),
        shown=shown,
        died=died.date if died is not None and died.is_answered else None,
        use_assumed=assumed,
    )


def within(term: Term, died: dt.date | None, today: dt.date) -> bool:
    """Whether a death on ``died`` is still within ``term`` (an unknown date counts as within: ask, don't guess)."""
    if died is None:
        return True
    if term.deaths_from is not None and died < term.deaths_from:
        return False
    return term.years_after_death is None or whole_years_between(died, today) < term.years_after_death


def _linked(right: Right, plan: Plan) -> bool:
    places = set(right.places)
    return (Link.domicile in right.links and bool(places & plan.domicile)) or (
        Link.shown in right.links and bool(places & plan.shown))


def _members(law: Law, tier: Tier, people: list[Person]) -> tuple[Person, ...]:
    facts = law.facts
    return tuple(
        p for p in people
        if p.text(facts.relation_field) in tier.relations or set(p.choices(facts.roles_field)) & set(tier.roles)
    )


def _holders(law: Law, right: Right, people: list[Person], plan: Plan,
             today: dt.date) -> tuple[tuple[Person, ...], tuple[Tier, ...]]:
    found: list[Person] = []
    tiers: list[Tier] = []
    for tier in right.holders:
        if tier.term is not None and not within(tier.term, plan.died, today):
            continue
        members = _members(law, tier, people)
        if members:
            found += [p for p in members if p not in found]
            tiers.append(tier)
            if right.ranked:
                break
    return tuple(found), tuple(tiers)


def applied_rights(law: Law, plan: Plan, people: list[Person], answers: Mapping[str, Answer],
                   today: dt.date) -> list[Applied]:
    out = []
    for right in law.rights:
        if not (_linked(right, plan) and set(right.uses) & plan.uses and set(right.aspects) & plan.aspects):
            continue
        if right.applies_if is not None and not holds(right.applies_if, answers, today):
            continue
        if waived(right, answers, today):
            continue
        if plan.died is not None and right.term.deaths_from is not None and plan.died < right.term.deaths_from:
            continue
        beyond = not within(right.term, plan.died, today)
        if beyond and not right.term.continues_while_used:
            continue
        holders, tiers = _holders(law, right, people, plan, today)
        effect = Effect.objection if beyond else right.effect
        out.append(Applied(right, holders, tiers, effect, beyond))
    return out


def waived(right: Right, answers: Mapping[str, Answer], today: dt.date) -> bool:
    """The person's own recorded agreement to this use takes the place of the holders' (where the law says so)."""
    return right.waived_if is not None and holds(right.waived_if, answers, today)


def exempt_by_use(law: Law, plan: Plan, answers: Mapping[str, Answer], today: dt.date) -> list[Right]:
    """Rights about public showing that would apply to this person and place, but not to this private use (the
    family, a funeral gathering)."""
    return [
        r for r in law.rights
        if Use.public in r.uses and not set(r.uses) & plan.uses and _linked(r, plan) and set(r.aspects) & plan.aspects
        and r.exempt is not None and within(r.term, plan.died, today)
        and (r.applies_if is None or holds(r.applies_if, answers, today))
    ]


def stance(law: Law, person: Person) -> Stance:
    """What the person has said. A row without a position counts as not asked."""
    value = person.text(law.facts.position_field)
    return next((s for s, options in law.facts.stances.items() if value in options), Stance.not_asked)


# --------------------------------------------------------------------------- messages


def option_label(fld: PeopleField | None, option: str) -> Param:
    if fld is None:
        return option
    return Label(text=next((o.label for o in fld.options if o.id == option), option))


def who(checklist: Checklist, law: Law, person: Person) -> Param:
    """'Julia Berger (child)': the name and the relation (or the roles, for an organisation)."""
    register = checklist.question(law.facts.people)
    fields = {f.id: f for f in register.fields}
    # a right-to-left name is isolated, so that it cannot reorder the words around it
    name: Param = isolate(person.text(law.facts.name_field).strip()) or message("consent.unnamed")
    relation = person.text(law.facts.relation_field)
    roles = person.choices(law.facts.roles_field)
    words: Param | None = None
    if (relation and relation != "other") or not roles:
        words = option_label(fields.get(law.facts.relation_field), relation) if relation else None
    else:
        words = Joined(items=[option_label(fields.get(law.facts.roles_field), r) for r in roles], how="list")
    guardian = isolate(person.text(law.facts.guardian_field).strip()) if law.facts.guardian_field else ""
    if guardian:
        # a minor child's say is given by their parent or guardian: name who answers for them
        words = (message("lawfacts.through", words=words, guardian=guardian) if words is not None
                 else message("lawfacts.through_alone", guardian=guardian))
    return message("consent.who", name=name, words=words) if words is not None else name


def person_words(checklist: Checklist, pc: PersonConsent) -> tuple[Param, Param, Param]:
    """One person's result, for the edges to put in words: 'Julia Berger (child)', 'consent required by
    law (KUG § 22)', and their position as the register labels it ('Not asked yet')."""
    law = checklist.law
    if law is None:
        return pc.name, "", ""
    values: dict[str, str | list[str] | None] = {law.facts.name_field: pc.name, law.facts.relation_field: pc.relation,
                                                  law.facts.roles_field: pc.roles}
    if law.facts.guardian_field:
        values[law.facts.guardian_field] = pc.guardian
    name = who(checklist, law, Person(id=pc.person_id, values=values))
    need: Param = message(f"consent.need.{pc.need.value}")
    cites: list[Param] = []
    for b in pc.basis:
        if b.citation not in cites:
            cites.append(b.citation)
    if cites:
        need = message("consent.need_cited", need=need, citations=Joined(items=cites, how="list"))
    register = checklist.question(law.facts.people)
    position_field = next((f for f in register.fields if f.id == law.facts.position_field), None)
    position: Param = ""
    if pc.position and position_field is not None:
        position = next((o.label for o in position_field.options if o.id == pc.position), pc.position)
    return name, need, position


def _status_line(checklist: Checklist, law: Law, people: tuple[Person, ...]) -> Joined:
    return Joined(items=[message(f"consent.stance.{stance(law, p).value}", who=who(checklist, law, p))
                         for p in people], how="status")


def under(law: LText, citation: LText, rule: LText) -> Message:
    """'Under German law (KUG § 22), <rule>'."""
    return message("consent.under", law=law, citation=citation, rule=rule)


def right_reason(checklist: Checklist, law: Law, applied: Applied, plan: Plan, all_listed: bool,
                 only: tuple[Person, ...] | None = None) -> Joined:
    """'Under German law (KUG § 22), <rule>: Renate Berger (spouse) agrees; Julia Berger (child) has not been asked
    yet.' ``only``: name just these holders (a finding names its own people)."""
    right = applied.right
    named = applied.holders if only is None else tuple(p for p in applied.holders if p in only)
    tail: Param
    if named:
        tail = _status_line(checklist, law, named)
    else:
        key = "consent.nobody_exists" if all_listed else "consent.nobody_listed"
        tail = message(key, holders=Joined(items=[t.label for t in right.holders], how="or"))
    sentences: list[Param] = [message("consent.sentence", head=under(right.law, right.citation, right.rule),
                                      tail=tail)]
    if applied.beyond_term:
        sentences.append(message("consent.beyond_term"))
    if plan.use_assumed:
        sentences.append(message("consent.use_assumed"))
    if right.unverified:
        sentences.append(message("consent.unverified", text=right.unverified))
    return Joined(items=sentences, how="sentences")


def _why_not_needed(right: Right, why: Literal["exempt", "waived"]) -> Message:
    """Why a right does not reach this plan: the use is exempt, or the person's own wish takes the relatives'
    place."""
    reason: LText = getattr(right, why) or {}
    return message(f"consent.{why}", head=under(right.law, right.citation, right.rule), **{why: reason})


def _basis(applied: Applied) -> LegalBasis:
    r = applied.right
    return LegalBasis(right=r.id, jurisdiction=r.jurisdiction, citation=r.citation, effect=applied.effect.value,
                      sources=list(r.sources), as_of=r.as_of, unverified=r.unverified)


def _ethics_tiers(law: Law, people: list[Person]) -> tuple[tuple[Person, ...], tuple[Person, ...]]:
    """The closest family present (the first ethical tier with someone in it) and the others to hear."""
    closest: tuple[Person, ...] = ()
    for tier in law.ethics.closest:
        closest = _members(law, tier, people)
        if closest:
            break
    also = tuple(p for p in _members(law, law.ethics.also, people) if p not in closest)
    # the close family of a later tier (e.g. parents beside a spouse) is still heard
    for tier in law.ethics.closest:
        also += tuple(p for p in _members(law, tier, people) if p not in closest and p not in also)
    return closest, also


def _person_reason(need: ConsentNeed, basis: list[LegalBasis], closest: bool) -> Message:
    citations = Joined(items=[b.citation for b in basis], how="or")
    if need == ConsentNeed.required:
        return message("consent.person.required", citations=citations)
    if basis:
        return message("consent.person.may_object", citations=citations)
    if need == ConsentNeed.advised:
        return message("consent.person.closest" if closest else "consent.person.advised")
    return message("consent.person.no_say")


def derive(checklist: Checklist, answers: Mapping[str, Answer], today: dt.date) -> Derivation:
    """The law section applied to the visible answers."""
    law = checklist.law
    if law is None:
        return Derivation()
    register = answers.get(law.facts.people)
    people = list(register.people or []) if register is not None and not register.dont_know else []
    plan = plan_of(law, answers, today)
    applied = applied_rights(law, plan, people, answers, today)
    listed = answers.get(law.facts.all_listed or "")
    all_listed = listed is not None and listed.is_answered and listed.choice == "yes"
    closest, also = _ethics_tiers(law, people)
    out = Derivation(people=people, plan=plan, applied=applied, closest=closest, also=also, all_listed=all_listed)
    for a in applied:
        settled = all(stance(law, p) == Stance.agrees for p in a.holders) and (bool(a.holders) or all_listed)
        out.rights.append(RightOutcome(
            right=a.right.id, jurisdiction=a.right.jurisdiction, citation=a.right.citation,
            holders=[p.id for p in a.holders], settled=settled,
            reason=right_reason(checklist, law, a, plan, all_listed),
            sources=list(a.right.sources), as_of=a.right.as_of, unverified=a.right.unverified))
    for p in people:
        mine = [a for a in applied if p in a.holders]
        basis = [_basis(a) for a in mine]
        if any(a.effect == Effect.consent for a in mine):
            need = ConsentNeed.required
        elif mine or p in closest or p in also:
            need = ConsentNeed.advised
        else:
            need = ConsentNeed.no_say
        out.consent.append(PersonConsent(
            person_id=p.id, name=p.text(law.facts.name_field), relation=p.text(law.facts.relation_field) or None,
            roles=p.choices(law.facts.roles_field), position=p.text(law.facts.position_field) or None,
            guardian=(p.text(law.facts.guardian_field).strip() or None) if law.facts.guardian_field else None,
            need=need, basis=basis, reason=_person_reason(need, basis, p in closest)))
    out.duties = [d.id for d in law.duties if holds(d.applies_if, answers, today)]
    out.surprise = law.facts.surprise is not None and holds(law.facts.surprise, answers, today)
    out.exempt = [_why_not_needed(r, "exempt") for r in exempt_by_use(law, plan, answers, today)]
    out.exempt += [_why_not_needed(r, "waived") for r in law.rights
                   if waived(r, answers, today) and _linked(r, plan) and set(r.uses) & plan.uses]
    return out
