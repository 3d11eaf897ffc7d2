"""Nothing runs off the page: long words, piles of combining marks and long German words in narrow columns.

Checked by reading the PDF back: every word's box (pdftotext -bbox) lies inside the page, and no combining marks
pile up on a letter.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import unicodedata

import pytest

from tests.render.conftest import pdf_text
from tests.render.shipped import answer_everything, shipped_checklist
from vigil.models.assessment import Answer
from vigil.render import consent_form_pdf, family_summary_pdf, report_pdf
from vigil.render.fit import LONGEST_RUN, MOST_MARKS, fit

TODAY = dt.date(2026, 12, 2)
CHECKLIST = shipped_checklist()
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")


Box = tuple[float, float, float, float, str]


def pages(pdf: bytes) -> list[tuple[float, list[Box]]]:
    """Per page: its width and its words' boxes (x0, y0, x1, y1, word)."""
    html = subprocess.run(["pdftotext", "-bbox", "-", "-"], input=pdf, capture_output=True, check=True).stdout
    out = []
    for chunk in html.decode("utf-8").split("<page ")[1:]:
        found = PAGE.search("<page " + chunk)
        assert found
        words = [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in WORD.findall(chunk)]
        out.append((float(found.group(1)), words))
    return out


def _overlap(a: Box, b: Box) -> bool:
    """Two words on the same line that share more than a sliver of width."""
    same_line = min(a[3], b[3]) - max(a[1], b[1]) > 0.5 * min(a[3] - a[1], b[3] - b[1])
    return same_line and min(a[2], b[2]) - max(a[0], b[0]) > 1.0


def assert_inside(pdf: bytes) -> None:
    """Every word inside the page, and no word drawn over another."""
    for number, (width, words) in enumerate(pages(pdf), start=1):
        outside = [w for w in words if w[2] > width - 30 or w[0] < 30]
        assert not outside, (number, outside[:3])
        clashes = [(a[4], b[4]) for i, a in enumerate(words) for b in words[i + 1:] if _overlap(a, b)]
        assert not clashes, (number, clashes[:3])


def test_fit_breaks_long_runs_and_caps_marks() -> None:
    assert fit("short words stay") == "short words stay"
    long = fit("x" * 100)
    assert long.replace("\u200b", "") == "x" * 100
    assert max(len(part) for part in long.split("\u200b")) == LONGEST_RUN
    piled = fit("a" + "\u0301" * 500 + "b")
    assert piled == "a" + "\u0301" * MOST_MARKS + "b"
    assert fit("Nguyễn") == "Nguyễn"  # real diacritics stay


def test_a_2000_character_word_stays_on_the_cover() -> None:
    a = answer_everything(CHECKLIST, TODAY)
    a.meta.title = "W" * 2000
    a.answers["person_name"] = Answer(text="N" * 2000)
    pdf = report_pdf(CHECKLIST, a, "en", TODAY)
    assert_inside(pdf)
    assert "W" * 20 in pdf_text(pdf)


def test_a_pile_of_combining_marks_does_not_reach_the_tick_boxes() -> None:
    a = answer_everything(CHECKLIST, TODAY, names=("Z" + "\u0336\u0301" * 250 + "algo", "Maria"))
    pdf = consent_form_pdf(CHECKLIST, a, "en", TODAY)
    text = pdf_text(pdf)
    assert "Maria" in text
    most = max((len(m) for m in re.findall(r"[\u0300-\u036f]+", text)), default=0)
    assert most <= MOST_MARKS
    assert not any(unicodedata.combining(c) for c in text[:1])


@pytest.mark.parametrize("render", [report_pdf, consent_form_pdf, family_summary_pdf])
def test_german_words_in_narrow_columns_stay_on_the_page(render: object) -> None:
    a = answer_everything(CHECKLIST, TODAY)
    people = a.answers["people"].people or []
    for p in people:
        p.values["relation"] = "registered_partner"  # "Eingetragene Lebenspartnerin oder eingetragener Lebenspartner"
    pdf = render(CHECKLIST, a, "de", TODAY)  # type: ignore[operator]
    assert_inside(pdf)
