"""The report's small section on who must agree: per person, worked out from the law, with the rule and its date;
names stay text in every script."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.render.conftest import pdf_text
from tests.render.shipped import shipped_checklist
from vigil.models.assessment import Answer, Assessment, ChecklistPin, Person
from vigil.render import report_pdf

TODAY = dt.date(2026, 12, 1)
HOSTILE = 'Renate "#read(\\"/etc/passwd\\")" *Berger* <b>'


def _assessment() -> Assessment:
    c = shipped_checklist()
    people = [Person(values={"name": HOSTILE, "relation": "spouse", "position": "agrees"}),
              Person(values={"name": "Юлия Бергер", "relation": "child", "position": "not_asked"})]
    answers = {
        "person_name": Answer(text="Klaus Berger"), "medium": Answer(choices=["animated_photo"]),
        "person_lived": Answer(choices=["de"]), "shown_in": Answer(choices=["de"]),
        "audience": Answer(choice="public"), "died": Answer(date=dt.date(2026, 9, 1)),
        "people": Answer(people=people),
    }
    return Assessment(checklist=ChecklistPin(id=c.id, version=c.version), answers=answers)


@pytest.mark.parametrize(("lang", "heading", "need", "rule"), [
    ("en", "Who must agree", "Consent required by law: KUG § 22", "Юлия Бергер (child) has not been asked yet"),
    ("de", "Wer zustimmen muss", "Zustimmung gesetzlich nötig: § 22 KUG", "Юлия Бергер (Kind) wurde noch nicht gefragt"),
])
def test_the_report_says_who_must_agree(lang: str, heading: str, need: str, rule: str) -> None:
    text = pdf_text(report_pdf(shipped_checklist(), _assessment(), lang, TODAY))
    section = text[text.rindex(heading):]
    assert need in section
    assert rule in section
    assert HOSTILE in section  # the name comes out literally: data, never markup
