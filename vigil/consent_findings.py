"""The findings that follow from who must consent (``vigil.consent``), one per kind of fact, naming the people.

Severity follows the principle of the checklist's README: a refusal by someone whose consent the law requires, or
by the person's closest family, stops it (``blocker``); a required consent not yet given, or a decision the closest
family has still to make, must be resolved first (``serious``); what the maker can do alone (ask a relative whose
consent the law does not require, keep within what was agreed) is a condition (``caution``); the rest is advice
(``info``). Each person appears in at most one finding: the law comes before ethics.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from vigil.consent import Applied, Derivation, right_reason, stance, who
from vigil.models.assessment import Person
from vigil.models.checklist import Checklist
from vigil.models.common import Severity
from vigil.models.law import Effect, Law, Stance
from vigil.models.message import Joined, Message, Param, Text, message
from vigil.models.results import Finding

_OPEN = (Stance.not_asked, Stance.undecided, Stance.unreachable)


class _Builder:
    def __init__(self, checklist: Checklist, law: Law, d: Derivation) -> None:
        self.checklist, self.law, self.d = checklist, law, d
        self.findings: list[Finding] = []
        self.placed: set[str] = set()

    def take(self, people: Iterable[Person]) -> list[Person]:
        """The people not yet in a finding, now placed."""
        out = [p for p in people if p.id not in self.placed]
        self.placed |= {p.id for p in out}
        return out

    def text(self, key: str, people: list[Person]) -> Message:
        """The string ``key`` naming the people: 'Renate Berger (spouse) and Julia Berger (child)'."""
        return message(key, names=Joined(items=[who(self.checklist, self.law, p) for p in people], how="and"))

    def add(self, fid: str, severity: Severity, said: Text, action: Text, sources: list[str],
            people: list[Person]) -> None:
        register = self.checklist.question(self.law.facts.people)
        self.findings.append(Finding(
            id=fid, origin="rule", severity=severity, dimension=register.dimension, message=said, action=action,
            sources=sorted(set(sources)), question_ids=[register.id], person_ids=[p.id for p in people]))

    def legal(self, fid: str, severity: Severity, rights: list[Applied], people: list[Person],
              action_key: str) -> None:
        if not rights or (not people and fid != "consent_holder_missing"):
            return
        assert self.d.plan is not None
        reasons: list[Param] = []
        for a in rights:
            # its own people, and those who agree, for context; not the people another finding is about
            own = tuple(p for p in a.holders if p in people or stance(self.law, p) == Stance.agrees)
            reasons.append(right_reason(self.checklist, self.law, a, self.d.plan, self.d.all_listed, own))
        self.add(fid, severity, Joined(items=reasons, how="sentences"), self.text(action_key, people),
                 [s for a in rights for s in a.right.sources], people)

    def ethics(self, fid: str, severity: Severity, people: list[Person], key: str,
               sources: list[str] | None = None) -> None:
        if people:
            self.add(fid, severity, self.text(f"{key}.message", people), self.text(f"{key}.action", people),
                     list(self.law.ethics.sources) if sources is None else sources, people)


def consent_findings(checklist: Checklist, d: Derivation) -> list[Finding]:
    law = checklist.law
    if law is None:
        return []
    b = _Builder(checklist, law, d)

    def holders_where(test: Callable[[Applied, Stance], bool]) -> tuple[list[Applied], list[Person]]:
        rights: list[Applied] = []
        people: list[Person] = []
        for a in d.applied:
            hit = [p for p in a.holders if test(a, stance(law, p))]
            if hit:
                rights.append(a)
                people += [p for p in hit if p not in people]
        return rights, people

    rights, people = holders_where(lambda a, s: s == Stance.objects)
    b.legal("consent_refused", Severity.blocker, rights, b.take(people), "consent.action.refused")
    rights, people = holders_where(lambda a, s: a.effect == Effect.consent and s in _OPEN)
    taken = b.take(people)
    unreachable = [p for p in taken if stance(law, p) == Stance.unreachable]
    b.legal("consent_outstanding", Severity.serious, rights, taken,
            "consent.action.outstanding_unreachable" if unreachable else "consent.action.outstanding")
    # with nobody in the register yet, the unanswered (or "don't know") register is the one finding for that fact
    missing = [a for a in d.applied if d.people and not a.holders and a.effect == Effect.consent
               and not _settled(d, a)]
    b.legal("consent_holder_missing", Severity.serious, missing, [], "consent.action.holder_missing")
    rights, people = holders_where(lambda a, s: a.effect == Effect.objection and s in _OPEN)
    b.legal("consent_ask_advised", Severity.caution, rights, b.take(people), "consent.action.ask_advised")
    rights, people = holders_where(lambda a, s: s == Stance.agrees_in_part)
    b.legal("consent_partial", Severity.caution, rights, b.take(people), "consent.action.partial")

    def of(group: Iterable[Person], *stances: Stance) -> list[Person]:
        return b.take(p for p in group if stance(law, p) in stances)

    b.ethics("family_objects", Severity.blocker, of(d.closest, Stance.objects), "consent.family_objects")
    b.ethics("family_undecided", Severity.serious, of(d.closest, Stance.undecided), "consent.family_undecided")
    if d.surprise:
        # a surprise for the closest family not yet asked: one finding that names them (it replaces the rule)
        rule = next((r for r in checklist.rules if r.id == law.facts.surprise_rule), None)
        b.ethics("family_surprise", Severity.serious, of(d.closest, Stance.not_asked, Stance.unreachable),
                 "lawfacts.family_surprise", list(rule.sources) if rule is not None else None)
    b.ethics("family_not_asked", Severity.caution, of(d.closest, Stance.not_asked, Stance.unreachable),
             "consent.family_not_asked")
    b.ethics("family_partial", Severity.caution, of(d.closest, Stance.agrees_in_part), "consent.family_partial")
    b.ethics("relative_objects", Severity.serious, of(d.also, Stance.objects), "consent.relative_objects")
    b.ethics("others_not_asked", Severity.info, of(d.also, Stance.not_asked, Stance.unreachable),
             "consent.others_not_asked")
    b.ethics("others_undecided", Severity.info, of(d.also, Stance.undecided), "consent.others_undecided")
    b.ethics("no_say_objects", Severity.info, of(d.people, Stance.objects), "consent.no_say_objects")
    return b.findings


def _settled(d: Derivation, a: Applied) -> bool:
    return next((r.settled for r in d.rights if r.right == a.right.id), False)
