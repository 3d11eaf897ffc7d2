"""A lean report: a simple private case (one animated photo, consent recorded) fits in 6 pages in English and German,
read back from the PDF (it was 7 and 8)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.render.conftest import page_count, pdf_text
from vigil.cli.common import load_assessment
from vigil.render import report_pdf

TODAY = dt.date(2026, 12, 2)
SIMPLE = Path(__file__).parents[1] / "scenarios" / "private-animated-photo-recorded-consent.json"


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_simple_private_case_fits_in_six_pages(lang: str) -> None:
    assessment, checklist = load_assessment(SIMPLE)
    pdf = report_pdf(checklist, assessment, lang, TODAY)
    assert page_count(pdf) <= 6
    assert "[1] " in pdf_text(pdf)  # the sources, numbered, cited by number
