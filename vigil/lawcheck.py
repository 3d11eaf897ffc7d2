"""Whether a checklist's law section fits the rest of it: every id it names exists and has the right kind.

Called by ``vigil.crosscheck`` (its conditions are checked there, with every other condition).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator

from vigil.models.checklist import Checklist, PeopleFieldKind, Question, QuestionKind
from vigil.models.common import Loc
from vigil.models.law import Law, Tier


def _field_options(register: Question | None, field_id: str) -> set[str]:
    if register is None:
        return set()
    fld = next((f for f in register.fields if f.id == field_id), None)
    return {o.id for o in fld.options} if fld is not None else set()


def _unknown(loc: Loc, named: Iterable[str], known: Collection[str],
             problem: Callable[[str], str]) -> Iterator[tuple[Loc, str]]:
    """Each id in ``named`` (a list, at ``(*loc, k)``) that is not among the ``known`` ones."""
    for k, ident in enumerate(named):
        if ident not in known:
            yield (*loc, k), problem(ident)


def _no(what: str) -> Callable[[str], str]:
    return lambda ident: f"no {what} {ident!r} in this checklist"


def _no_option(field: str) -> Callable[[str], str]:
    return lambda option: f"{field} has no option {option!r}"


def _tier_problems(law: Law, tier: Tier, loc: Loc, relations: set[str], roles: set[str]) -> Iterator[tuple[Loc, str]]:
    if not tier.relations and not tier.roles:
        yield loc, "a tier needs at least one relation or role"
    register = "the register's field"
    yield from _unknown((*loc, "relations"), tier.relations, relations,
                        _no_option(f"{register} {law.facts.relation_field!r}"))
    yield from _unknown((*loc, "roles"), tier.roles, roles, _no_option(f"{register} {law.facts.roles_field!r}"))


def law_problems(checklist: Checklist) -> Iterator[tuple[Loc, str]]:
    law = checklist.law
    if law is None:
        return
    questions = {q.id: q for q in checklist.questions()}
    facts = law.facts
    base: Loc = ("law", "facts")
    kinds = {
        "died": (QuestionKind.date,),
        "domicile": (QuestionKind.multi_choice, QuestionKind.single_choice),
        "shown_in": (QuestionKind.multi_choice, QuestionKind.single_choice),
        "people": (QuestionKind.people,),
        "all_listed": (QuestionKind.yes_no,),
    }
    for key, allowed in kinds.items():
        qid = getattr(facts, key)
        if qid is None:
            continue
        q = questions.get(qid)
        if q is None:
            yield (*base, key), f"no question {qid!r} in this checklist"
        elif q.kind not in allowed:
            yield (*base, key), f"{qid!r} is a {q.kind.value} question; expected " + " or ".join(allowed)
    register = questions.get(facts.people)
    field_kinds = {
        "name_field": PeopleFieldKind.short_text,
        "relation_field": PeopleFieldKind.single_choice,
        "roles_field": PeopleFieldKind.multi_choice,
        "position_field": PeopleFieldKind.single_choice,
        "guardian_field": PeopleFieldKind.short_text,
    }
    for key, kind in field_kinds.items():
        fid = getattr(facts, key)
        if fid is None:
            continue
        fld = next((f for f in register.fields if f.id == fid), None) if register is not None else None
        if fld is None:
            yield (*base, key), f"the people register has no field {fid!r}"
        elif fld.kind != kind:
            yield (*base, key), f"field {fid!r} is {fld.kind.value}; expected {kind.value}"
    shown_options = {o.id for o in questions[facts.shown_in].options} if facts.shown_in in questions else set()
    yield from _unknown((*base, "online"), facts.online, shown_options, _no_option(repr(facts.shown_in)))
    yield from _unknown((*base, "online_reaches"), facts.online_reaches, questions, _no("question"))
    positions = _field_options(register, facts.position_field)
    for stance, options in facts.stances.items():
        yield from _unknown((*base, "stances", stance.value), options, positions, _no_option("the position field"))
    relations = _field_options(register, facts.relation_field)
    roles = _field_options(register, facts.roles_field)
    for i, tier in enumerate(law.ethics.closest):
        yield from _tier_problems(law, tier, ("law", "ethics", "closest", i), relations, roles)
    yield from _tier_problems(law, law.ethics.also, ("law", "ethics", "also"), relations, roles)
    sources = {s.id for s in checklist.sources}
    jurisdictions = {j.id for j in checklist.jurisdictions}
    places = {o.id for qid in (facts.domicile, facts.shown_in) if qid in questions for o in questions[qid].options}
    seen: set[str] = set()
    entries = [("rights", i, r.id, r.jurisdiction, r.sources) for i, r in enumerate(law.rights)]
    entries += [("duties", i, d.id, d.jurisdiction, d.sources) for i, d in enumerate(law.duties)]
    for group, i, ident, jurisdiction, cited in entries:
        loc: Loc = ("law", group, i)
        if ident in seen:
            yield (*loc, "id"), f"the law id {ident!r} is used twice; ids must be unique"
        seen.add(ident)
        if jurisdiction not in jurisdictions:
            yield (*loc, "jurisdiction"), f"no jurisdiction {jurisdiction!r} in this checklist"
        yield from _unknown((*loc, "sources"), cited, sources, _no("source"))
    place_options = f"a place option of {facts.domicile!r} or {facts.shown_in!r}"
    for i, right in enumerate(law.rights):
        loc = ("law", "rights", i)
        yield from _unknown((*loc, "places"), right.places, places, lambda place: f"{place!r} is not {place_options}")
        if (right.waived_if is None) != (right.waived is None):
            yield (*loc, "waived"), "waived_if and waived go together: the condition and the sentence that explains it"
        for k, tier in enumerate(right.holders):
            yield from _tier_problems(law, tier, (*loc, "holders", k), relations, roles)
    rules = {r.id for r in checklist.rules}
    dimensions = {d.id for d in checklist.dimensions}
    if facts.surprise_rule is not None and facts.surprise_rule not in rules:
        yield (*base, "surprise_rule"), f"no rule {facts.surprise_rule!r} in this checklist"
    for i, duty in enumerate(law.duties):
        if duty.dimension not in dimensions:
            yield ("law", "duties", i, "dimension"), f"no dimension {duty.dimension!r} in this checklist"
        yield from _unknown(("law", "duties", i, "replaces"), duty.replaces, rules, _no("rule"))
    yield from _unknown(("law", "ethics", "sources"), law.ethics.sources, sources, _no("source"))
