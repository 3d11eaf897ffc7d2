"""The report and the label kit mention a recorded stamp (and say nothing when there is none)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.credentials.conftest import READY, TODAY, scenario
from tests.render.conftest import pdf_text
from vigil.models.assessment import StampRecord
from vigil.render.documents import labels_pdf, report_pdf
from vigil.render.input import label_kit
from vigil.render.labels import label_kit_text

RECORD = StampRecord(date=dt.date(2026, 12, 1), media_type="video/mp4", sha256="ab" * 32,
                     signer="O=Vigil local signing - not on the C2PA trust list,CN=Vigil local signer",
                     assessment_fingerprint="cd" * 32)


def _stamped():  # type: ignore[no-untyped-def]
    assessment, checklist, _ = scenario(READY)
    return assessment.model_copy(update={"stamps": [RECORD]}), checklist


@pytest.mark.parametrize(("lang", "words"), [
    ("en", "Content Credentials were put on the finished file on 1 December 2026 (MP4, SHA-256 abababababababab"),
    ("de", "Die fertige Datei wurde am 1. Dezember 2026 mit Content Credentials versehen (MP4"),
])
def test_label_kit_text_mentions_the_stamp(lang: str, words: str) -> None:
    assessment, checklist = _stamped()
    text = label_kit_text(label_kit(checklist, assessment, lang, TODAY))
    assert words in text and "Vigil local signer" in text and "cdcdcdcdcdcdcdcd…" in text
    unstamped, _, _ = scenario(READY)
    assert "SHA-256" not in label_kit_text(label_kit(checklist, unstamped, lang, TODAY))


@pytest.mark.parametrize("render", [labels_pdf, report_pdf])
def test_pdfs_mention_the_stamp(render) -> None:  # type: ignore[no-untyped-def]
    assessment, checklist = _stamped()
    text = pdf_text(render(checklist, assessment, "en", TODAY))
    assert "Content Credentials were put on the finished file on 1 December 2026" in text
