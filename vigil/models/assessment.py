"""The assessment a maker fills in: answers, notes, evidence, people, open items, metadata.

Stored and exchanged as a documented JSON file (``"format": "vigil-assessment"``). The model says nothing
about which checklist questions exist; ``vigil.validation`` checks an assessment against its checklist.
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from vigil.models.common import LongText as LongText
from vigil.models.common import Sha256 as Sha256
from vigil.models.common import ShortText as ShortText
from vigil.models.consent_record import ConsentRecord

FORMAT: Literal["vigil-assessment"] = "vigil-assessment"
FORMAT_VERSION = 1



def new_id() -> str:
    """An unguessable id (128 bits of randomness), safe to put in a URL."""
    return secrets.token_urlsafe(16)


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Evidence(_Data):
    """A reference to a document that backs an answer. Vigil keeps the fingerprint, never the file."""

    file_name: ShortText
    sha256: Sha256
    date: dt.date | None = None
    description: ShortText = ""


class Person(_Data):
    """One row of a people register (a relative, heir, estate, licensee...).

    ``values`` holds the register's fields by field id: a choice id, a text, or an ISO date string.
    """

    id: str = Field(default_factory=new_id)
    values: dict[str, ShortText | None] = Field(default_factory=dict)


class Answer(_Data):
    """The answer to one question. Exactly the field that fits the question's kind is used."""

    choice: str | None = None
    choices: list[str] | None = None
    text: LongText | None = None
    number: float | None = None
    date: dt.date | None = None
    people: list[Person] | None = None
    dont_know: bool = False
    note: LongText = ""
    evidence: list[Evidence] = Field(default_factory=list)

    @property
    def has_value(self) -> bool:
        return bool(
            self.choice
            or self.choices
            or (self.text is not None and self.text.strip())
            or self.number is not None
            or self.date is not None
            or self.people
        )

    @property
    def is_answered(self) -> bool:
        """Answered with a real value. "Don't know" is not an answer."""
        return not self.dont_know and self.has_value


class OpenItem(_Data):
    """What must be found out for a "don't know" answer, by whom and by when."""

    question_id: str
    what: ShortText = ""
    who: ShortText = ""
    due: dt.date | None = None
    done: bool = False


class ChecklistPin(_Data):
    id: str
    version: str


class Maker(_Data):
    """Who asks: printed on the consent form, the family summary and the report. Empty fields are not printed."""

    name: ShortText = ""
    organisation: ShortText = ""
    contact: ShortText = Field(default="", description="How the family can reach the maker: e-mail, phone, address.")

    @property
    def is_empty(self) -> bool:
        return not (self.name.strip() or self.organisation.strip() or self.contact.strip())


class Meta(_Data):
    title: ShortText = ""
    reference: ShortText = Field(default="", description="The maker's own reference for the commission, e.g. "
                                 "K-2026-118. Used in file names and on every page of the documents; never a name.")
    assessor: ShortText = ""
    language: str = "en"
    created: dt.datetime = Field(default_factory=utc_now)
    updated: dt.datetime = Field(default_factory=utc_now)


class Prefill(_Data):
    """An answer this assessment started with rather than was given: from the maker's practice defaults or from a
    template. The mark holds while the answer is still the one filled in (``answer``); a save drops it once the
    user has changed that answer (``vigil.practice.settle``)."""

    source: Literal["practice", "template"]
    answer: Answer


class Assessment(_Data):
    """One assessment. ``revision`` counts saved changes and lets the store detect stale writes."""

    format: Literal["vigil-assessment"] = FORMAT
    format_version: int = FORMAT_VERSION
    id: str = Field(default_factory=new_id)
    revision: int = 0
    checklist: ChecklistPin
    meta: Meta = Field(default_factory=Meta)
    maker: Maker = Field(default_factory=Maker)
    answers: dict[str, Answer] = Field(default_factory=dict)
    open_items: dict[str, OpenItem] = Field(default_factory=dict)
    prefilled: dict[str, Prefill] = Field(
        default_factory=dict, exclude_if=lambda marks: not marks,
        description="Answers filled in from the practice defaults or a template, by question id (left out of the "
                    "file when there are none).",
    )
    consent_record: ConsentRecord = Field(
        default_factory=ConsentRecord, exclude_if=lambda record: not record.entries,
        description="Links, the relatives' own answers and withdrawals, in a hash chain "
                    "(``vigil.models.consent_record``; left out of the file when empty).",
    )
