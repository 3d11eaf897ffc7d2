"""The checklist: content as data. Questions, rules, sources, jurisdictions, examples, all with stable ids.

The models check the shape of each item. Whether the items fit together (every id a condition names exists,
every string in every language...) is checked by ``vigil.catalog``, which knows where in the file each item is.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Literal

from pydantic import Field, model_validator

from vigil.models.common import Id, LText, Severity, Strict
from vigil.models.conditions import Condition
from vigil.models.kinds import CHOICE_KINDS as CHOICE_KINDS  # re-exported: what a kind means lives in kinds
from vigil.models.kinds import QuestionKind as QuestionKind
from vigil.models.kinds import spec
from vigil.models.law import Law

YES_NO_OPTIONS = ("yes", "no", "not_applicable")
"""Every answer a yes_no question can hold. "Not applicable" is offered only where the question allows it
(``allow_not_applicable``); "don't know" is a separate state, allowed per question."""

class Option(Strict):
    id: Id
    label: LText
    help: LText | None = None


class PeopleFieldKind(StrEnum):
    single_choice = "single_choice"
    multi_choice = "multi_choice"
    short_text = "short_text"
    long_text = "long_text"
    date = "date"


class PeopleField(Strict):
    """One column of a people register (name, relation, position...)."""

    id: Id
    kind: PeopleFieldKind
    label: LText
    help: LText | None = None
    options: list[Option] = Field(default_factory=list)
    required: bool = False


class Question(Strict):
    id: Id
    kind: QuestionKind
    text: LText
    help: LText
    rationale: LText
    dimension: Id
    sources: list[Id] = Field(default_factory=list)
    examples: list[Id] = Field(default_factory=list)
    options: list[Option] = Field(default_factory=list)
    fields: list[PeopleField] = Field(default_factory=list, description="Columns of a people register.")
    required: bool = True
    allow_dont_know: bool = True
    allow_not_applicable: bool = Field(
        default=True,
        description="yes_no only: offer 'not applicable' beside yes and no. Switch it off for questions of fact.",
    )
    unknown_severity: Severity = Field(
        default=Severity.serious,
        description="How much a 'don't know' answer weighs until it is found out.",
    )
    visible_if: Condition | None = None
    min: float | None = None
    max: float | None = None

    def option_ids(self) -> tuple[str, ...]:
        if self.kind == QuestionKind.yes_no:
            return YES_NO_OPTIONS if self.allow_not_applicable else YES_NO_OPTIONS[:2]
        return tuple(o.id for o in self.options)


class Section(Strict):
    """One step of the questionnaire."""

    id: Id
    title: LText
    intro: LText | None = None
    visible_if: Condition | None = None
    questions: list[Question] = Field(min_length=1)


class Dimension(Strict):
    id: Id
    title: LText
    description: LText


class Rule(Strict):
    """When ``when`` holds over the visible answers, a finding is raised."""

    id: Id
    when: Condition
    severity: Severity
    dimension: Id
    message: LText
    action: LText
    sources: list[Id] = Field(default_factory=list)
    examples: list[Id] = Field(default_factory=list)


class Source(Strict):
    id: Id
    title: str
    url: str | None = None
    publisher: str | None = None
    date: str | None = Field(default=None, description="Publication date or year, as the source gives it.")
    language: str = Field(default="en", description="The language the source is written in (a report in another "
                                                    "language marks it).")


class Jurisdiction(Strict):
    """A note on what one jurisdiction requires; shown only when ``relevant_if`` holds."""

    id: Id
    name: LText
    requires: LText
    sources: list[Id] = Field(min_length=1)
    as_of: dt.date
    relevant_if: Condition


ExampleKind = Literal["good_practice", "harm", "mixed"]


class Example(Strict):
    """A real-world case, told in our own words."""

    id: Id
    title: LText
    year: int
    kind: ExampleKind
    summary: LText
    sources: list[Id] = Field(min_length=1)
    describes_death: bool = Field(
        default=False, description="The summary describes a death or violence: shown behind a content note."
    )


class SupportResource(Strict):
    """A bereavement-support resource, shown as text (nothing is fetched)."""

    name: LText
    description: LText
    contact: LText
    languages: list[str] = Field(min_length=1, description="Languages the service itself is offered in.")
    region: LText
    places: list[Id] = Field(
        default_factory=list,
        description="Options of the ``support_places`` questions where it serves; empty: anywhere (a doctor).")


class PlanMeanings(Strict):
    """What chosen options mean for the plan the documents state. Each list names option ids of the bound question."""

    silent_media: list[Id] = Field(default_factory=list, description="Media (of `medium`) that carry no voice.")
    voice_media: list[Id] = Field(default_factory=list, description="Media that use or re-create the voice.")
    no_words: list[Id] = Field(default_factory=list, description="Options of `new_words`: no words at all.")
    own_words: list[Id] = Field(default_factory=list, description="Options of `new_words`: only their own words.")
    new_words: list[Id] = Field(default_factory=list, description="Options of `new_words`: words they never said.")
    private_audience: list[Id] = Field(default_factory=list, description="Options of `audience`: family only.")
    commercial_audience: list[Id] = Field(default_factory=list,
                                          description="Options of `audience` that are commercial in themselves.")
    no_label: list[Id] = Field(default_factory=list, description="Options of `label`: no label is planned.")
    fixed_date: list[Id] = Field(default_factory=list,
                                 description="Options of `retention` whose date is `retention_date`.")
    no_withdrawal: list[Id] = Field(default_factory=list, description="Options of `withdrawal`: nobody can.")


class DocumentBindings(Strict):
    """Which questions the documents (report, consent form, labels) read their facts from.

    Every field names a question id of this checklist; the catalog checks they exist and have the right kind.
    """

    person_name: Id | None = None
    born: Id | None = None
    died: Id | None = None
    medium: Id | None = None
    description: Id | None = None
    new_words: Id | None = None
    audience: Id | None = None
    commercial: Id | None = None
    retention: Id | None = None
    withdrawal: Id | None = None
    label: Id | None = Field(default=None, description="How people learn it is AI-made (a choice question).")
    platforms: Id | None = Field(default=None, description="Where it is published (a multi-choice question whose "
                                 "option ids name the label kit's platform guides: youtube, tiktok, meta).")
    provenance: Id | None = Field(default=None, description="Whether the files carry a machine-readable mark "
                                  "(a yes/no question): the label kit's C2PA steps follow it.")
    retention_date: Id | None = Field(default=None, description="The date the retention answer refers to.")
    work_retention: Id | None = Field(default=None, description="What happens to the finished work.")
    deletion: Id | None = Field(default=None, description="How what is kept is deleted.")
    withdrawal_contact: Id | None = Field(default=None, description="Whom to contact to withdraw, and how.")
    withdrawal_effect: Id | None = Field(default=None, description="From when a withdrawal takes effect.")
    shared_copies: Id | None = Field(default=None, description="What happens to copies already shared.")
    people: Id | None = None
    commissioner: Id | None = None
    people_name_field: Id | None = None
    people_relation_field: Id | None = None
    people_position_field: Id | None = None
    people_agreed_options: list[Id] = Field(
        default_factory=list,
        description="Options of the position field that mean the person agrees: the report lists everyone else "
                    "under who must still agree.",
    )
    people_declined_options: list[Id] = Field(
        default_factory=list,
        description="Options of the position field that mean the person has said no: the consent form does not "
                    "ask them to sign.",
    )
    meanings: PlanMeanings = Field(
        default_factory=lambda: PlanMeanings(),
        description="Which options say what the documents may state as decided (voice, new words, audience, ...). "
                    "An option named nowhere here leaves the matter open: the consent form then asks about it.",
    )


class Checklist(Strict):
    """A whole checklist file."""

    schema_: Literal["vigil-checklist/1"] = Field(alias="schema", default="vigil-checklist/1")
    id: Id
    version: str = Field(pattern=r"^\d{4}\.\d{1,2}(\.\d+)?$")
    title: LText
    description: LText
    languages: list[str] = Field(min_length=1)
    law_as_of: dt.date
    notice: LText = Field(description="The not-legal-advice notice, shown in the app and in every document.")
    dimensions: list[Dimension] = Field(min_length=1)
    sections: list[Section] = Field(min_length=1)
    rules: list[Rule] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    jurisdictions: list[Jurisdiction] = Field(default_factory=list)
    examples: list[Example] = Field(default_factory=list)
    support: list[SupportResource] = Field(default_factory=list)
    support_places: list[Id] = Field(
        default_factory=list,
        description="Place questions that say where the family is, most telling first (where the relatives live, "
                    "then where the person lived): support for those places is offered first.")
    documents: DocumentBindings = Field(default_factory=DocumentBindings)
    law: Law | None = Field(default=None, description="Post-mortem rights as data (vigil.models.law).")
    practice: list[Id] = Field(
        default_factory=list,
        description="Questions about the maker's own practice (tools and providers, labelling, what is kept and "
                    "deleted, distribution, aftercare, take-down): answered once as practice defaults, and every "
                    "new assessment starts from those answers.",
    )
    personal: list[Id] = Field(
        default_factory=list,
        description="Sections or questions specific to one person and family: a template never keeps their answers.",
    )

    @model_validator(mode="after")
    def _practice_and_personal_exist(self) -> Checklist:
        questions = {q.id: q for q in self.questions()}
        sections = {s.id for s in self.sections}
        for qid in self.practice:
            if qid not in questions:
                raise ValueError(f"practice: {qid!r} is not a question of this checklist")
            if spec(questions[qid].kind).field == "people":
                raise ValueError(f"practice: {qid!r} is a people register, which is specific to each commission")
        for pid in self.personal:
            if pid not in questions and pid not in sections:
                raise ValueError(f"personal: {pid!r} is neither a section nor a question of this checklist")
        if overlap := set(self.practice) & self.personal_questions():
            raise ValueError(f"practice and personal both name {sorted(overlap)!r}")
        return self

    def personal_questions(self) -> set[str]:
        """The ids of the questions ``personal`` names, directly or through their section (an id that names a
        question and a section alike means the question)."""
        question_ids = {q.id for q in self.questions()}
        named = set(self.personal)
        sections = named - question_ids
        return {q.id for s in self.sections for q in s.questions if q.id in named or s.id in sections}

    # ------------------------------------------------------------------ lookups
    def questions(self) -> list[Question]:
        return [q for s in self.sections for q in s.questions]

    def question(self, qid: str) -> Question:
        for q in self.questions():
            if q.id == qid:
                return q
        raise KeyError(qid)

    def section_of(self, qid: str) -> Section:
        for s in self.sections:
            if any(q.id == qid for q in s.questions):
                return s
        raise KeyError(qid)

    def source(self, sid: str) -> Source:
        return next(s for s in self.sources if s.id == sid)

    def example(self, eid: str) -> Example:
        return next(e for e in self.examples if e.id == eid)

    def dimension(self, did: str) -> Dimension:
        return next(d for d in self.dimensions if d.id == did)
