"""What the report template (templates/report.typ) receives, section by section, as typed models.

A new section of the report is a model here, a field of ``ReportPayload``, a builder in ``report.py`` and a block in
the template.
"""

from __future__ import annotations

from pydantic import BaseModel

from vigil.render.labels import LabelKit
from vigil.render.payload import Base, Logo, Row


class Cover(BaseModel):
    person: str
    assessment: str
    maker: str
    reference: str
    date: str
    checklist: str
    law_as_of: str
    fingerprint: str


class Reason(BaseModel):
    message: str
    action: str


class Verdict(BaseModel):
    id: str
    label: str
    text: str
    progress: str
    reasons: list[Reason]
    """Why: the first reason for the verdict."""
    next: list[Reason]
    """What remains."""


class ConsentPerson(BaseModel):
    who: str
    need: str
    position: str


class ConsentRule(BaseModel):
    reason: str
    sources: str
    """Cited by number in the report's source list: ``[2, 5]``."""
    as_of: str


class ConsentSection(BaseModel):
    """Who must agree, per person, and the rules that apply (worked out by vigil.consent)."""

    people: list[ConsentPerson]
    rights: list[ConsentRule]
    exempt: list[str]


class ChartRow(BaseModel):
    title: str
    status: str
    status_label: str
    answered: int
    required: int
    ratio: float


class Chart(BaseModel):
    rows: list[ChartRow]
    alt: str
    """The chart in words, for a screen reader."""


class Finding(BaseModel):
    message: str
    action: str
    sources: str


class FindingGroup(BaseModel):
    severity: str
    title: str
    items: list[Finding]


class OpenItem(BaseModel):
    question: str
    what: str
    who: str
    due: str
    done: str


class People(BaseModel):
    """The register as a table: its column titles and one row of words per person."""

    columns: list[str]
    rows: list[list[str]]


class QuestionAnswer(BaseModel):
    text: str
    answer: str
    dont_know: bool
    plain: bool
    """Answered, with no note and no evidence: printed as a compact question-and-answer line."""
    note: str
    evidence: list[str]


class AnswerSection(BaseModel):
    title: str
    questions: list[QuestionAnswer]


class Jurisdiction(BaseModel):
    name: str
    requires: str
    sources: str
    as_of: str


class Source(BaseModel):
    id: str
    number: str
    text: str
    url: str
    site: str
    """The address as printed: the site's name only; the link keeps the whole address."""


class SignOff(BaseModel):
    role: str
    name: str


class ReportPayload(Base):
    logo: Logo | None
    cover: Cover
    verdict: Verdict
    to_agree: list[str]
    """Who must still agree (the first page)."""
    declined: list[str]
    plan: list[Row]
    chart: Chart
    findings: list[FindingGroup]
    open_items: list[OpenItem]
    people: People
    consent: ConsentSection
    sections: list[AnswerSection]
    jurisdictions: list[Jurisdiction]
    labels: LabelKit
    sources: list[Source]
    signoff: list[SignOff]
    notice: str
