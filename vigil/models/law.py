"""Law as data: which rights over a dead person survive death, who holds them, for how long, for which uses,
and what links a case to them. Part of the checklist (``law:``), typed and validated like everything else.

Vigil derives from these entries and the facts in the people register (relation, roles) and the plan (use,
places, date of death) whose consent the law requires, whose the checklist advises asking and who has no say
(``vigil.consent``). The maker records facts, never legal conclusions.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import Field

from vigil.models.common import Id, LText, Strict
from vigil.models.conditions import Condition


class Aspect(StrEnum):
    """A part of the person that a right protects and a plan may use."""

    image = "image"
    voice = "voice"
    name = "name"
    personal_data = "personal_data"


class Use(StrEnum):
    """How the plan uses the person. ``private`` (family, a funeral gathering) is what no entry covers unless it
    says so; ``distribution`` is passing copies on, even to a closed group (sent to a family chat); ``public`` is
    showing or distributing to the public; ``commercial`` is advertising, products or a commercial release (always
    public as well)."""

    private = "private"
    distribution = "distribution"
    public = "public"
    commercial = "commercial"


class Stance(StrEnum):
    """What a person in the register has said, as the derivation reads it."""

    agrees = "agrees"
    agrees_in_part = "agrees_in_part"
    objects = "objects"
    undecided = "undecided"
    not_asked = "not_asked"
    unreachable = "unreachable"


class Link(StrEnum):
    """What connects a case to a jurisdiction's law: ``domicile``, the person lived there when they died; ``shown``,
    it is published or shown there."""

    domicile = "domicile"
    shown = "shown"


class Effect(StrEnum):
    """What the holders can do. ``consent``: their consent is needed before the use, and not asking them leaves it
    unresolved. ``objection``: they can act against the use (e.g. when it harms their legitimate interests): asking
    them is advised, and their refusal stops it."""

    consent = "consent"
    objection = "objection"


class Term(Strict):
    """How long a right lasts after death. Empty: no fixed term."""

    years_after_death: int | None = Field(default=None, ge=1, le=200)
    deaths_from: dt.date | None = Field(default=None, description="Only deaths on or after this date.")
    continues_while_used: bool = Field(
        default=False, description="The right goes on past the years while it is still used commercially.")


class Tier(Strict):
    """One rank of holders: everyone in the register who has one of these relations or roles.

    The first tier with at least one person in the register holds the right; all of them must agree.
    """

    relations: list[Id] = Field(default_factory=list)
    roles: list[Id] = Field(default_factory=list)
    term: Term | None = Field(default=None, description="A shorter or longer term for this rank only.")
    label: LText = Field(description="Who they are, in words: 'the spouse or registered partner and the children'.")


class Right(Strict):
    """One post-mortem right in one jurisdiction."""

    id: Id
    jurisdiction: Id = Field(description="The id of the jurisdiction note it belongs to.")
    law: LText = Field(description="The law it belongs to, as it follows 'Under': 'German law', 'deutschem Recht'.")
    citation: LText = Field(description="Short citation: 'KUG § 22'.")
    aspects: list[Aspect] = Field(min_length=1)
    uses: list[Use] = Field(min_length=1, description="The uses it covers; every other use is exempt.")
    links: list[Link] = Field(min_length=1)
    places: list[Id] = Field(min_length=1, description="Place options (person_lived, shown_in) that link it.")
    effect: Effect = Effect.consent
    holders: list[Tier] = Field(min_length=1, description="Tiers of holders, in rank order.")
    ranked: bool = Field(
        default=True, description="The first tier present holds the right; if false, every tier present does.")
    term: Term = Field(default_factory=Term)
    applies_if: Condition | None = Field(
        default=None, description="A further fact the right needs (e.g. a performer, a realistic replica).")
    waived_if: Condition | None = Field(
        default=None, description="When the person's own agreement in life takes the holders' place.")
    waived: LText | None = Field(default=None, description="Why, in a sentence: shown when waived_if holds.")
    rule: LText = Field(description="What the law asks, in a sentence that can follow 'Under <law>, '.")
    exempt: LText | None = Field(default=None, description="What it does not cover (private use, ...).")
    sources: list[Id] = Field(min_length=1)
    as_of: dt.date
    unverified: LText | None = Field(
        default=None, description="What the sources do not confirm; shown beside the reason.")


class PlanFacts(Strict):
    """Where the derivation reads the plan and the register from: question ids and conditions of this checklist."""

    died: Id
    domicile: Id
    shown_in: Id
    people: Id
    name_field: Id
    relation_field: Id
    roles_field: Id
    position_field: Id
    all_listed: Id | None = Field(default=None, description="Yes/no: everyone close is in the register.")
    online: list[Id] = Field(default_factory=list, description="Options of shown_in that mean openly online.")
    online_reaches: list[Id] = Field(
        default_factory=list,
        description="Place questions whose places count as 'shown there' when it is openly online (the person's "
                    "home, where the relatives live).")
    stances: dict[Stance, list[Id]] = Field(description="The options of the position field that mean each stance.")
    public: Condition = Field(description="When the plan shows or distributes it publicly.")
    distribution: Condition | None = Field(
        default=None, description="When the plan passes copies on to others, even to a closed group (a family "
                                  "chat): a use of its own, which a right covers only where it says so.")
    surprise: Condition | None = Field(
        default=None, description="When it is meant as a surprise for people who were not asked; the closest "
                                  "family not asked are then named in the finding that takes the place of "
                                  "``surprise_rule``.")
    surprise_rule: Id | None = Field(default=None, description="The rule a named surprise finding replaces.")
    guardian_field: Id | None = Field(
        default=None, description="Short-text field of the register: who answers for a person who cannot decide "
                                  "for themselves (a minor child's parent or guardian).")
    commercial: Condition = Field(description="When the plan uses it commercially or in advertising.")
    aspects: dict[Aspect, Condition] = Field(description="When the plan uses the person's image, voice, name...")


class Ethics(Strict):
    """Whom the checklist advises asking where the law requires no one (ethics, not law)."""

    closest: list[Tier] = Field(
        min_length=1, description="Ranked like law tiers: their refusal stops it, their silence is a condition.")
    also: Tier = Field(description="Others whose view should be heard: advice only.")
    sources: list[Id] = Field(min_length=1)


class Duty(Strict):
    """A duty of the maker that is not anyone's consent (e.g. disclosure under AI Act Art. 50(4)).

    Where it applies it is one finding: a condition to meet (``caution``) while the plan does not meet it, advice
    (``info``) once it does. It takes the place of the rules in ``replaces`` (one fact, one finding).
    """

    id: Id
    jurisdiction: Id
    law: LText = Field(description="The law it belongs to, as it follows 'Under': 'EU law', 'EU-Recht'.")
    citation: LText
    duty: LText = Field(description="What it asks, in a sentence that can follow 'Under <law> (<citation>), '.")
    applies_if: Condition
    met_if: Condition | None = Field(default=None, description="When the plan as answered meets the duty.")
    action: LText = Field(description="What to do to meet it.")
    met: LText | None = Field(default=None, description="Said when met_if holds: what to keep doing.")
    dimension: Id
    replaces: list[Id] = Field(default_factory=list, description="Rules that say the same; they give way to it.")
    exempt: LText | None = None
    sources: list[Id] = Field(min_length=1)
    as_of: dt.date
    unverified: LText | None = None


class Law(Strict):
    """The law section of a checklist."""

    as_of: dt.date
    facts: PlanFacts
    rights: list[Right] = Field(default_factory=list)
    duties: list[Duty] = Field(default_factory=list)
    ethics: Ethics

    def right(self, rid: str) -> Right:
        return next(r for r in self.rights if r.id == rid)
