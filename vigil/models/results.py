"""What the engine returns: findings, verdict, status per dimension, open items, progress."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Literal

from pydantic import Field

from vigil.models.common import Frozen, LText, Severity, VerdictId
from vigil.models.message import Text


class _Result(Frozen):
    """What the engine works out."""


FindingOrigin = Literal["rule", "unknown", "incomplete"]


class Finding(_Result):
    id: str
    origin: FindingOrigin
    severity: Severity
    dimension: str | None
    message: Text
    action: Text
    sources: list[str] = Field(default_factory=list)
    examples: list[str] = Field(default_factory=list)
    question_ids: list[str] = Field(default_factory=list)
    person_ids: list[str] = Field(default_factory=list, description="The people of the register it is about.")


class Verdict(_Result):
    """The verdict, its cause (``reasons[0]``, the most important finding of the worst severity) and, below it,
    the next most important points, so that a case is never summed up by one technicality."""

    id: VerdictId
    reasons: list[Finding]
    next: list[Finding] = Field(default_factory=list, description="The next most important points after the cause.")

    @property
    def cause(self) -> Finding | None:
        return self.reasons[0] if self.reasons else None


class ConsentNeed(StrEnum):
    """Whose agreement the plan needs, as Vigil works it out from the law and the register's facts.

    ``required``: the law requires their consent (or lets them stop it) for this use. ``advised``: the law does not
    require it; ask them all the same (close family, heirs). ``no_say``: no legal say for this use; their view may
    still matter to you.
    """

    required = "required"
    advised = "advised"
    no_say = "no_say"


class LegalBasis(_Result):
    """One right that gives a person a say, and where it comes from."""

    right: str
    jurisdiction: str
    citation: LText
    effect: str
    sources: list[str]
    as_of: dt.date
    unverified: LText | None = None


class PersonConsent(_Result):
    """One person of the register: what the law and the checklist's ethics make of them for this plan."""

    person_id: str
    name: str
    relation: str | None
    roles: list[str]
    position: str | None
    guardian: str | None = Field(default=None, description="Who answers for them (a minor child's guardian).")
    need: ConsentNeed
    basis: list[LegalBasis] = Field(default_factory=list)
    reason: Text


class RightOutcome(_Result):
    """One right that applies to the plan: who holds it in the register and what they said, in a sentence."""

    right: str
    jurisdiction: str
    citation: LText
    holders: list[str] = Field(description="Person ids of the register who hold it.")
    settled: bool = Field(description="Every holder has agreed (or there is nobody it requires).")
    reason: Text
    sources: list[str]
    as_of: dt.date
    unverified: LText | None = None


class DimensionStatus(StrEnum):
    stop = "stop"
    resolve_first = "resolve_first"
    proceed_with_conditions = "proceed_with_conditions"
    ready = "ready"
    incomplete = "incomplete"
    not_applicable = "not_applicable"


class DimensionResult(_Result):
    id: str
    status: DimensionStatus
    answered: int
    required: int
    findings: int


class Progress(_Result):
    answered: int
    required: int

    @property
    def ratio(self) -> float:
        return 1.0 if self.required == 0 else self.answered / self.required


class OpenItemView(_Result):
    question_id: str
    section_id: str
    dimension: str
    question: LText
    what: str
    who: str
    due: dt.date | None
    done: bool


class SectionState(StrEnum):
    not_started = "not_started"
    in_progress = "in_progress"
    complete = "complete"
    has_concerns = "has_concerns"


class SectionResult(_Result):
    id: str
    state: SectionState
    visible_questions: list[str]


class Evaluation(_Result):
    """Everything the engine says about an assessment at one moment."""

    verdict: Verdict
    findings: list[Finding]
    dimensions: list[DimensionResult]
    sections: list[SectionResult]
    open_items: list[OpenItemView]
    progress: Progress
    visible_questions: list[str]
    jurisdictions: list[str]
    consent: list[PersonConsent] = Field(
        default_factory=list, description="Per person of the register: required, advised or no say, and why.")
    rights: list[RightOutcome] = Field(default_factory=list, description="The post-mortem rights that apply.")
    exempt: list[Text] = Field(default_factory=list,
                                description="Rights of the places named that do not reach this use, and why.")
    duties: list[str] = Field(default_factory=list, description="Ids of the law's duties that apply (disclosure).")

    @property
    def complete(self) -> bool:
        return self.progress.answered >= self.progress.required

    def dimension(self, did: str) -> DimensionResult:
        return next(d for d in self.dimensions if d.id == did)

    def section(self, sid: str) -> SectionResult:
        return next(s for s in self.sections if s.id == sid)
