"""The three documents as PDF bytes: each evaluates the assessment itself, then compiles its template."""

from __future__ import annotations

import datetime as dt
from typing import Any

import typst

from vigil.engine import evaluate
from vigil.models.assessment import Assessment
from vigil.models.checklist import Checklist
from vigil.models.common import pick
from vigil.render.compile import compile_pdf
from vigil.render.consent import consent_payload
from vigil.render.facts import Facts, read_facts
from vigil.render.labels import LabelKit, kit_from
from vigil.render.report import report_payload
from vigil.render.strings import template_strings
from vigil.render.text import doc, isolate


def _prepare(checklist: Checklist, assessment: Assessment, lang: str, today: dt.date
             ) -> tuple[Any, Facts, LabelKit]:
    evaluation = evaluate(checklist, assessment, today)
    facts = read_facts(checklist, assessment, evaluation, lang, today)
    return evaluation, facts, kit_from(facts, assessment.meta.assessor, lang, assessment.stamps)


def _names(facts: Facts) -> list[str]:
    return [n for n in [facts.person_name, facts.commissioner, *(p.name for p in facts.people)] if n]


def report_pdf(checklist: Checklist, assessment: Assessment, lang: str, today: dt.date, *,
               timestamp: dt.datetime | None = None, fonts: typst.Fonts | None = None) -> bytes:
    """The assessment report as a tagged PDF (PDF/UA-1)."""
    evaluation, facts, kit = _prepare(checklist, assessment, lang, today)
    payload = report_payload(checklist, assessment, evaluation, facts, kit, lang, today)
    return compile_pdf("report.typ", payload, lang=lang, names=_names(facts), fonts=fonts, timestamp=timestamp)


def consent_form_pdf(checklist: Checklist, assessment: Assessment, lang: str, today: dt.date, *,
                     timestamp: dt.datetime | None = None, fonts: typst.Fonts | None = None) -> bytes:
    """The family consent form as a tagged PDF (PDF/UA-1)."""
    _, facts, kit = _prepare(checklist, assessment, lang, today)
    payload = consent_payload(checklist, assessment, facts, kit, lang, today)
    return compile_pdf("consent.typ", payload, lang=lang, names=_names(facts), fonts=fonts, timestamp=timestamp)


def labels_pdf(checklist: Checklist, assessment: Assessment, lang: str, today: dt.date, *,
               timestamp: dt.datetime | None = None, fonts: typst.Fonts | None = None) -> bytes:
    """The disclosure label kit as a tagged PDF (PDF/UA-1)."""
    _, facts, kit = _prepare(checklist, assessment, lang, today)
    name = facts.person_name or pick(checklist.title, lang)
    payload = {
        "lang": lang,
        "s": template_strings(lang),
        "doc_title": doc(lang, "labels.doc_title", name=name),
        "header": f"{doc(lang, 'labels.title')} · {isolate(name)}",
        "labels": kit.model_dump(mode="json"),
        "notice": pick(checklist.notice, lang),
    }
    return compile_pdf("labels.typ", payload, lang=lang, names=_names(facts), fonts=fonts, timestamp=timestamp)
