"""The label kit says "made with the consent of the family" only when the family has agreed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from vigil.assessment_file import read_assessment
from vigil.catalog import load_catalog
from vigil.render import document_input

SCENARIOS = Path(__file__).resolve().parent.parent / "scenarios"
TODAY = dt.date(2026, 12, 2)


def _kit_caption(name: str, lang: str = "en") -> tuple[bool, str]:
    assessment, checklist = read_assessment(SCENARIOS / name, load_catalog())
    inp = document_input(checklist, assessment, lang, TODAY)
    return inp.facts.family_consent_settled, inp.kit.caption


def test_a_child_not_asked_yet_means_no_consent_line() -> None:
    # the widow agrees; the adult child has not been asked: the verdict lets it go ahead with conditions
    settled, caption = _kit_caption("funeral-wave-widow-agrees-child-not-asked.json")
    assert not settled
    assert "consent" not in caption.lower()


def test_a_relative_still_deciding_means_no_consent_line() -> None:
    settled, _ = _kit_caption("funeral-clip-wishes-unknown.json")
    assert not settled


def test_everyone_agreed_gives_the_consent_line() -> None:
    settled, caption = _kit_caption("soldier-farewell-family-agrees.json")
    assert settled
    assert "consent" in caption.lower()
