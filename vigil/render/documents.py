"""The documents as PDF bytes, each made from one ``DocumentInput``; and the registry of documents
(kind -> render function, file-name stem, media type) that the app and the command line both use.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Protocol

import typst

from vigil.models.assessment import Assessment
from vigil.models.checklist import Checklist
from vigil.models.common import pick
from vigil.models.profile import MakerProfile
from vigil.render.compile import compile_pdf
from vigil.render.consent import consent_payload
from vigil.render.family import family_payload
from vigil.render.fit import fit_payload
from vigil.render.input import DocumentInput, document_input
from vigil.render.payload import Base
from vigil.render.report import report_payload
from vigil.render.strings import template_strings
from vigil.render.text import doc, isolate


class LabelsPayload(Base):
    labels: dict[str, object]
    notice: str


def _compile(template: str, payload: Base, inp: DocumentInput, fonts: typst.Fonts | None,
             timestamp: dt.datetime | None) -> bytes:
    return compile_pdf(template, fit_payload(payload.model_dump(mode="json")), lang=inp.lang, names=inp.names(),
                       fonts=fonts, timestamp=timestamp)


def render_report(inp: DocumentInput, *, fonts: typst.Fonts | None = None,
                  timestamp: dt.datetime | None = None) -> bytes:
    """The assessment report as a tagged PDF (PDF/UA-1)."""
    return _compile("report.typ", report_payload(inp), inp, fonts, timestamp)


def render_consent(inp: DocumentInput, *, fonts: typst.Fonts | None = None,
                   timestamp: dt.datetime | None = None) -> bytes:
    """The family consent form as a tagged PDF (PDF/UA-1)."""
    return _compile("consent.typ", consent_payload(inp), inp, fonts, timestamp)


def render_family(inp: DocumentInput, *, fonts: typst.Fonts | None = None,
                  timestamp: dt.datetime | None = None) -> bytes:
    """The one-page summary for the family as a tagged PDF (PDF/UA-1)."""
    return _compile("family.typ", family_payload(inp), inp, fonts, timestamp)


def labels_payload(inp: DocumentInput) -> LabelsPayload:
    lang = inp.lang
    name = inp.facts.person_name or pick(inp.checklist.title, lang)
    return LabelsPayload(
        lang=lang, s=template_strings(lang), doc_title=doc(lang, "labels.doc_title", name=name),
        header=f"{doc(lang, 'labels.title')} · {isolate(name)}", footer_note=inp.footer(),
        labels=inp.kit.model_dump(mode="json"), notice=pick(inp.checklist.notice, lang),
    )


def render_labels(inp: DocumentInput, *, fonts: typst.Fonts | None = None,
                  timestamp: dt.datetime | None = None) -> bytes:
    """The disclosure label kit as a tagged PDF (PDF/UA-1)."""
    return _compile("labels.typ", labels_payload(inp), inp, fonts, timestamp)


class Renderer(Protocol):
    def __call__(self, inp: DocumentInput, *, fonts: typst.Fonts | None = None,
                 timestamp: dt.datetime | None = None) -> bytes: ...


@dataclass(frozen=True)
class Document:
    kind: str
    stem: str
    """The file name starts with ``vigil-<stem>``."""
    media_type: str
    extension: str
    render: Renderer


DOCUMENTS: dict[str, Document] = {
    d.kind: d for d in (
        Document("report", "report", "application/pdf", "pdf", render_report),
        Document("consent", "consent-form", "application/pdf", "pdf", render_consent),
        Document("family", "family-summary", "application/pdf", "pdf", render_family),
        Document("labels", "labels", "application/pdf", "pdf", render_labels),
    )
}

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def file_name(stem: str, assessment: Assessment, today: dt.date, extension: str) -> str:
    """``vigil-report-K-2026-118-2026-12-02.pdf``: the kind, the maker's reference (sanitised; a short id when
    there is none) and the date. Never a person's name."""
    ascii_only = unicodedata.normalize("NFKD", assessment.meta.reference.strip()).encode("ascii", "ignore").decode()
    reference = _UNSAFE.sub("-", ascii_only).strip("-.")[:40].strip("-.")
    return f"vigil-{stem}-{reference or assessment.id[:8]}-{today.isoformat()}.{extension}"


class MakesPdf(Protocol):
    def __call__(self, checklist: Checklist, assessment: Assessment, lang: str, today: dt.date, *,
                 profile: MakerProfile | None = None, timestamp: dt.datetime | None = None,
                 fonts: typst.Fonts | None = None) -> bytes: ...


def _pdf_of(kind: str) -> MakesPdf:
    """Document ``kind`` straight from a checklist and an assessment (one ``DocumentInput`` built on the way)."""

    def pdf(checklist: Checklist, assessment: Assessment, lang: str, today: dt.date, *,
            profile: MakerProfile | None = None, timestamp: dt.datetime | None = None,
            fonts: typst.Fonts | None = None) -> bytes:
        inp = document_input(checklist, assessment, lang, today, profile=profile)
        return DOCUMENTS[kind].render(inp, fonts=fonts, timestamp=timestamp)

    return pdf


report_pdf = _pdf_of("report")
consent_form_pdf = _pdf_of("consent")
family_summary_pdf = _pdf_of("family")
labels_pdf = _pdf_of("labels")
