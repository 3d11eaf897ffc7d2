"""A relative's consent receipt as a PDF, in their language: their answer, the exact text they were shown (kept in
the record by its SHA-256), and the hashes that tie the receipt to the record."""

from __future__ import annotations

import datetime as dt
from typing import Any

from vigil import i18n
from vigil.models.assessment import Assessment
from vigil.render.compile import compile_pdf
from vigil.render.receipt import latest_entry
from vigil.render.text import format_date


def receipt_payload(assessment: Assessment, person: str) -> dict[str, Any] | None:
    entry = latest_entry(assessment, person)
    if entry is None:
        return None
    lang = entry.lang or "en"
    t = i18n.t
    answer = entry.answer
    shown = assessment.consent_record.texts.get(entry.shown_sha256 or "", "")
    if answer is None:
        what = t(lang, "consent.withdrawn")
        agreed = not_agreed = ""
    else:
        what = t(lang, f"consent.response.{answer.response.value}")
        agreed = ", ".join(t(lang, f"consent.item.{i}") for i in answer.agreed) or "–"
        not_agreed = ", ".join(t(lang, f"consent.item.{i}") for i in answer.asked
                               if i not in answer.agreed) or "–"
    when = f"{format_date(entry.at.date(), lang)}, {entry.at.strftime('%H:%M')} UTC"
    rows = [
        {"label": t(lang, "receipt.signed"), "value": answer.signature.full_name
         if answer is not None and answer.signature else "–"},
        {"label": t(lang, "receipt.when"), "value": when},
        {"label": t(lang, "receipt.answer"), "value": what},
    ]
    if answer is not None:
        rows += [{"label": t(lang, "receipt.agreed"), "value": agreed},
                 {"label": t(lang, "receipt.not_agreed"), "value": not_agreed}]
        if answer.question:
            rows.append({"label": t(lang, "receipt.question"), "value": answer.question})
    return {
        "lang": lang,
        "doc_title": t(lang, "receipt.title"),
        "title": t(lang, "receipt.title"),
        "subtitle": t(lang, "receipt.subtitle"),
        "rows": rows,
        "shown_title": t(lang, "receipt.shown_title"),
        "shown_lines": shown.splitlines() if shown else [t(lang, "receipt.no_text")],
        "check_title": t(lang, "receipt.check_title"),
        "check_text": t(lang, "receipt.check_text", hash=entry.hash),
        "check_rows": [
            {"label": t(lang, "receipt.entry"), "value": f"{entry.seq} · {entry.hash}"},
            {"label": t(lang, "receipt.plan"), "value": entry.plan_fingerprint or "–"},
            {"label": t(lang, "receipt.text_hash"), "value": entry.shown_sha256 or "–"},
            {"label": t(lang, "receipt.assessment"), "value": assessment.id},
        ],
    }


def receipt_pdf(assessment: Assessment, person: str, timestamp: dt.datetime | None = None) -> bytes | None:
    payload = receipt_payload(assessment, person)
    if payload is None:
        return None
    names = [r["value"] for r in payload["rows"][:1]]
    return compile_pdf("receipt.typ", payload, lang=payload["lang"], names=names, timestamp=timestamp)
