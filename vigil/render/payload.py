"""Typed payloads: what a template receives, as pydantic models dumped to JSON for Typst."""

from __future__ import annotations

from pydantic import BaseModel

from vigil.render.input import DocumentInput
from vigil.render.text import doc


class Base(BaseModel):
    """What every template reads: its language, its strings, its title and what each page says at its edges."""

    lang: str
    s: dict[str, str]
    doc_title: str
    header: str
    footer_note: str = ""
    """Printed above the page number on every page (who asks and the reference)."""


class Row(BaseModel):
    label: str
    value: str
    decided: bool = True


class Logo(BaseModel):
    data: list[int]
    """The image's bytes (Typst reads them with ``bytes(...)``)."""
    alt: str


def logo_of(inp: DocumentInput) -> Logo | None:
    profile = inp.profile
    if profile is None or profile.logo is None:
        return None
    name = inp.maker.organisation.strip() or inp.maker.name.strip()
    return Logo(data=list(profile.logo.data), alt=doc(inp.lang, "logo_alt", maker=name))
