"""The assessment a maker fills in: answers, notes, evidence, people, open items, metadata.

Stored and exchanged as a documented JSON file (``"format": "vigil-assessment"``). The model says nothing
about which checklist questions exist; ``vigil.validation`` checks an assessment against its checklist.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from vigil.models.common import LongText as LongText
from vigil.models.common import Sha256 as Sha256
from vigil.models.common import ShortText as ShortText
from vigil.models.common import clean_text as clean_text
from vigil.models.consent_record import ConsentRecord
from vigil.models.limits import EVIDENCE_MAX, LONG_TEXT_MAX, PEOPLE_MAX, SHORT_TEXT_MAX, TEXT_TOTAL_MAX

FORMAT: Literal["vigil-assessment"] = "vigil-assessment"
FORMAT_VERSION = 2

ID_PATTERN = r"^[A-Za-z0-9_-]{1,64}$"
"""What an assessment or person id looks like (``new_id`` makes 22 of these characters)."""


def new_id() -> str:
    """An unguessable id (128 bits of randomness), safe to put in a URL. Matches ``ID_PATTERN``."""
    return secrets.token_urlsafe(16)


def is_id(value: str) -> bool:
    """Whether ``value`` can be an assessment id (checked before it goes near a database)."""
    return re.fullmatch(ID_PATTERN, value) is not None


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


class _Data(BaseModel):
    # NaN and Infinity are not numbers anyone gave: they pass every comparison and no JSON file can hold them
    model_config = ConfigDict(extra="forbid", validate_assignment=True, allow_inf_nan=False)


class Evidence(_Data):
    """A reference to a document that backs an answer. Vigil keeps the fingerprint, never the file."""

    file_name: ShortText
    sha256: Sha256
    date: dt.date | None = None
    description: ShortText = ""


class Person(_Data):
    """One row of a people register (a relative, heir, estate, licensee...).

    ``values`` holds the register's fields by field id: a choice id, a text, an ISO date string, or a list of
    choice ids (a multiple-choice field such as the roles).
    """

    id: str = Field(default_factory=new_id, max_length=200)
    values: dict[str, ShortText | list[ShortText] | None] = Field(default_factory=dict)

    def text(self, field: str) -> str:
        """A single-valued field as text ('' when empty or a list)."""
        value = self.values.get(field)
        return value if isinstance(value, str) else ""

    def choices(self, field: str) -> list[str]:
        """A multiple-choice field's ids ([] when empty); a single value counts as one."""
        value = self.values.get(field)
        if isinstance(value, list):
            return list(value)
        return [value] if value else []


class Answer(_Data):
    """The answer to one question. Exactly the field that fits the question's kind is used."""

    choice: str | None = None
    choices: list[str] | None = None
    text: LongText | None = None
    number: float | None = None
    date: dt.date | None = None
    people: list[Person] | None = Field(
        default=None, json_schema_extra={"maxItems": PEOPLE_MAX},
        description=f"At most {PEOPLE_MAX} people in the whole assessment, over all registers.",
    )
    dont_know: bool = False
    note: LongText = ""
    evidence: list[Evidence] = Field(default_factory=list, max_length=EVIDENCE_MAX)

    @model_validator(mode="after")
    def _no_duplicates(self) -> Answer:
        if self.choices and len(set(self.choices)) != len(self.choices):
            twice = next(c for n, c in enumerate(self.choices) if c in self.choices[:n])
            raise ValueError(f"the choice {twice!r} is given twice")
        if self.people:
            seen: set[str] = set()
            for person in self.people:
                if person.id in seen:
                    raise ValueError(f"two people have the id {person.id!r}; every person needs their own")
                seen.add(person.id)
        return self

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


class StampRecord(_Data):
    """Content Credentials (C2PA) were put on a finished file with ``vigil stamp`` or the Credentials page.

    Only what identifies the stamped file and its signer; never the file's name (it may carry a person's name).
    """

    date: dt.date
    media_type: ShortText
    """The stamped file's MIME type, e.g. ``video/mp4``."""
    sha256: Sha256
    """SHA-256 of the stamped output file."""
    signer: ShortText
    """The signing certificate's subject (e.g. ``CN=Vigil local signer,O=Vigil``)."""
    assessment_fingerprint: Sha256
    """The assessment's fingerprint that the stamp carries (the assessment as it was before this record)."""


class Assessment(_Data):
    """One assessment. ``revision`` counts saved changes and lets the store detect stale writes."""

    model_config = ConfigDict(json_schema_extra={
        "description": f"One assessment. Limits: at most {PEOPLE_MAX} people over all registers and "
                       f"{TEXT_TOTAL_MAX:,} characters of text in all; a short text holds at most "
                       f"{SHORT_TEXT_MAX:,} characters, a long text or note {LONG_TEXT_MAX:,}.",
        "x-vigil-limits": {"people": PEOPLE_MAX, "text_total": TEXT_TOTAL_MAX, "short_text": SHORT_TEXT_MAX,
                           "long_text": LONG_TEXT_MAX, "evidence_per_answer": EVIDENCE_MAX},
    })

    format: Literal["vigil-assessment"] = FORMAT
    format_version: int = Field(default=FORMAT_VERSION, ge=1, le=FORMAT_VERSION, strict=True)
    id: str = Field(default_factory=new_id, pattern=ID_PATTERN)
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
    stamps: list[StampRecord] = Field(default_factory=list)
    """Content Credentials applied to finished files, oldest first."""
    consent_record: ConsentRecord = Field(
        default_factory=ConsentRecord, exclude_if=lambda record: not record.entries,
        description="Links, the relatives' own answers and withdrawals, in a hash chain "
                    "(``vigil.models.consent_record``; left out of the file when empty).",
    )
