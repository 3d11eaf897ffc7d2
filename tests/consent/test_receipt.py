"""A person's consent receipt: JSON in the ISO/IEC 27560 (DPV) shape tied to the chain, and a PDF in their
language that prints the exact text they were shown, literally."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.consent.test_actions import _scenario, answered
from vigil.assessment_file import to_json
from vigil.cli import main
from vigil.models.consent_record import Response
from vigil.render.receipt import receipt
from vigil.render.receipt_pdf import receipt_pdf

HOSTILE = '#read("/etc/passwd") *x* ] #panic("boom") ['


def test_the_receipt_names_the_answer_and_its_place_in_the_chain() -> None:
    a, checklist = _scenario()
    person = (a.answers["people"].people or [])[0].id
    a, _ = answered(checklist, a, person, Response.agrees_in_part, agreed=["likeness"])
    data = receipt(a, person, "Studio Nord")
    assert data is not None
    record = data["dpv:hasRecordOfActivity"]
    assert record["dpv:hasConsentStatus"] == "dpv:ConsentGiven"
    assert record["dpv:isIndicatedBy"] == "Jürgen Weiß"
    agreed = {p["dct:identifier"]: p["vigil:agreed"] for p in record["dpv:hasPurpose"]}
    assert agreed["likeness"] is True and agreed["voice"] is False
    entry = a.consent_record.entries[-1]
    assert data["vigil:chain"]["entry_hash"] == entry.hash
    assert record["dpv:hasNotice"]["vigil:sha256"] == entry.shown_sha256
    assert receipt(a, "someone-else", "x") is None


def test_the_receipt_pdf_prints_the_text_shown_literally(tmp_path: Path) -> None:
    a, checklist = _scenario()
    answers = dict(a.answers)
    answers["description"] = answers["description"].model_copy(update={"text": HOSTILE})
    a = a.model_copy(update={"answers": answers})
    person = (a.answers["people"].people or [])[0].id
    a, _ = answered(checklist, a, person, Response.objects, agreed=[], lang="de")
    pdf = receipt_pdf(a, person)
    assert pdf is not None
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Ihre Antwort, aufbewahrt" in text and "stimmt nicht zu" in text
    assert "#read" in text and "#panic" in text
    assert a.consent_record.entries[-1].hash[:32] in text.replace("\n", "")
    path = tmp_path / "a.json"
    path.write_text(to_json(a), encoding="utf-8")
    out = tmp_path / "r.json"
    assert main(["consent-receipt", str(path), "--person", person, "-o", str(out)]) == 0
    assert json.loads(out.read_text())["vigil:chain"]["seq"] == 2
    doc = json.loads(path.read_text())
    doc["consent_record"]["entries"][0]["lang"] = "en"
    path.write_text(json.dumps(doc))
    assert main(["consent-receipt", str(path), "--person", person, "-o", str(out)]) == 2
    with pytest.raises(SystemExit):
        main(["consent-receipt", str(path)])
