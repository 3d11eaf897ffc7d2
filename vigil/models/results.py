"""What the engine returns: findings, verdict, status per dimension, open items, progress."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from vigil.models.common import LText, Severity, VerdictId


class _Result(BaseModel):
    model_config = ConfigDict(frozen=True)


FindingOrigin = Literal["rule", "unknown", "incomplete"]


class Finding(_Result):
    id: str
    origin: FindingOrigin
    severity: Severity
    dimension: str | None
    message: LText
    action: LText
    sources: list[str] = Field(default_factory=list)
    examples: list[str] = Field(default_factory=list)
    question_ids: list[str] = Field(default_factory=list)


class Verdict(_Result):
    id: VerdictId
    reasons: list[Finding]


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

    @property
    def complete(self) -> bool:
        return self.progress.answered >= self.progress.required

    def dimension(self, did: str) -> DimensionResult:
        return next(d for d in self.dimensions if d.id == did)

    def section(self, sid: str) -> SectionResult:
        return next(s for s in self.sections if s.id == sid)
