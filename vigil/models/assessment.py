"""The assessment a maker fills in: answers, notes, evidence, people, open items, metadata.

Stored and exchanged as a documented JSON file (``"format": "vigil-assessment"``). The model says nothing
about which checklist questions exist; ``vigil.validation`` checks an assessment against its checklist.
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

FORMAT: Literal["vigil-assessment"] = "vigil-assessment"
FORMAT_VERSION = 2

Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]


def _without_nul(value: str) -> str:
    """NUL characters (they come along with some pastes) mean nothing in text and no database stores them."""
    return value.replace("\x00", "")


ShortText = Annotated[str, AfterValidator(_without_nul), StringConstraints(max_length=2_000)]
LongText = Annotated[str, AfterValidator(_without_nul), StringConstraints(max_length=50_000)]


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

    ``values`` holds the register's fields by field id: a choice id, a text, an ISO date string, or a list of
    choice ids (a multiple-choice field such as the roles).
    """

    id: str = Field(default_factory=new_id)
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

    format: Literal["vigil-assessment"] = FORMAT
    format_version: int = FORMAT_VERSION
    id: str = Field(default_factory=new_id)
    revision: int = 0
    checklist: ChecklistPin
    meta: Meta = Field(default_factory=Meta)
    maker: Maker = Field(default_factory=Maker)
    answers: dict[str, Answer] = Field(default_factory=dict)
    open_items: dict[str, OpenItem] = Field(default_factory=dict)
    stamps: list[StampRecord] = Field(default_factory=list)
    """Content Credentials applied to finished files, oldest first."""
