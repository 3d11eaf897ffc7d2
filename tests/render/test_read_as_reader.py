"""What a reader of the shipped scenarios' documents noticed: a refusal list that repeated its heading on every line,
options run together with commas ("..., Eine Stimme"), source dates as ISO strings in a German report, a source
list that left a page with one narrow column, and a sign-off split over two pages."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest

from tests.render.conftest import page_count, pdf_text
from vigil.cli.common import load_assessment
from vigil.render import document_input, report_pdf
from vigil.render.family import family_payload
from vigil.render.report import report_payload

TODAY = dt.date(2026, 12, 2)
SCENARIOS = Path(__file__).parents[1] / "scenarios"


def _input(name: str, lang: str):  # type: ignore[no-untyped-def]
    assessment, checklist = load_assessment(str(SCENARIOS / f"{name}.json"))
    return document_input(checklist, assessment, lang, TODAY)


def _pages(pdf: bytes) -> list[str]:
    """Each page's text as pdftotext reads it (it ends every page with a form feed)."""
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True)
    return [re.sub(r"\s+", " ", p) for p in out.stdout.decode("utf-8").split("\f")]


@pytest.mark.parametrize(("lang", "heading", "after", "position"), [
    ("en", "Who has said no", "Please note", "Objects"),
    ("de", "Wer abgelehnt hat", "Bitte beachten Sie", "Lehnt ab"),
])
def test_who_has_said_no_does_not_repeat_it_on_every_line(lang: str, heading: str, after: str, position: str) -> None:
    assessment, checklist = load_assessment(str(SCENARIOS / "song-voice-clone-estate-refuses.json"))
    text = pdf_text(report_pdf(checklist, assessment, lang, TODAY))
    section = text[text.index(heading) + len(heading):text.index(after)]
    assert "Bell Music Trust" in section
    assert position not in section
    assert position in text  # the register's table still gives each position


def test_the_options_of_a_multiple_choice_are_set_apart() -> None:
    payload = family_payload(_input("chatbot-parent-for-young-children", "de"))
    made = payload.what[0].value
    assert "Ein Avatar oder Chatbot" in made and "Eine Stimme" in made
    assert ", Eine Stimme" not in made
    assert " · Eine Stimme" in made


@pytest.mark.parametrize(("lang", "day", "month"), [("de", "10. Juni 2026", "Juni 2026"),
                                                     ("en", "10 June 2026", "June 2026")])
def test_source_dates_read_as_dates_in_the_readers_language(lang: str, day: str, month: str) -> None:
    sources = [s.text for s in report_payload(_input("funeral-wave-widow-agrees-child-not-asked", lang)).sources]
    assert any(day in s for s in sources)
    assert any(month in s and day not in s for s in sources)
    assert not [s for s in sources if re.search(r"\b\d{4}-\d{2}\b", s)]


@pytest.mark.parametrize("lang", ["en", "de"])
def test_sources_and_sign_off_leave_no_half_empty_page(lang: str) -> None:
    """The funeral case's German report was 7 pages: the sources in columns filled one column of page 6 and the
    sign-off's last two signers went to a page of their own."""
    assessment, checklist = load_assessment(str(SCENARIOS / "funeral-wave-widow-agrees-child-not-asked.json"))
    pdf = report_pdf(checklist, assessment, lang, TODAY)
    assert page_count(pdf) <= 6
    heading, last = {"en": ("Sign-off", "The estate or rights holder"),
                     "de": ("Unterschriften", "Der Nachlass oder die Rechteinhaber")}[lang]
    pages = _pages(pdf)
    on = [i for i, p in enumerate(pages) if heading in p]
    assert on and last in pages[on[-1]]
