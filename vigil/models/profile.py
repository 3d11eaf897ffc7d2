"""Who makes the media: the maker's profile, entered once and used by every document that says who asks.

The profile is kept once per store (a practice, studio or team). Each assessment carries a copy of the ``Maker``
details it was made with (``Assessment.maker``, defined with the assessment model), so its documents say the same
thing wherever the file goes; the logo stays in the profile.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Base64Bytes, Field

from vigil.models.assessment import Answer, ChecklistPin, Maker, ShortText, _Data, new_id, utc_now

LOGO_MAX_BYTES = 300_000
"""A logo is printed small on each page: a larger file only slows the documents down."""


class Logo(_Data):
    media_type: Literal["image/png", "image/jpeg"]
    data: Base64Bytes = Field(max_length=LOGO_MAX_BYTES)


class MakerProfile(_Data):
    """The practice's own details, entered once."""

    maker: Maker = Field(default_factory=Maker)
    logo: Logo | None = None


class PracticeDefaults(_Data):
    """The maker's answers to the questions about their own practice (``Checklist.practice``), given once; every
    new assessment on that checklist starts from them."""

    checklist: ChecklistPin
    answers: dict[str, Answer] = Field(default_factory=dict)


class Template(_Data):
    """A named starting point saved from an assessment: its answers without those specific to one person and
    family (``Checklist.personal``)."""

    id: str = Field(default_factory=new_id)
    name: ShortText
    checklist: ChecklistPin
    answers: dict[str, Answer] = Field(default_factory=dict)
    created: dt.datetime = Field(default_factory=utc_now)
