"""On the consent form, a minor child's signature block is for the parent or guardian who answers for them."""

from __future__ import annotations

import datetime as dt

from vigil.catalog import load_catalog
from vigil.models.assessment import Answer, Assessment, ChecklistPin, Person
from vigil.render import document_input
from vigil.render.consent import consent_payload

TODAY = dt.date(2026, 12, 2)


def _payload(lang: str):  # type: ignore[no-untyped-def]
    c = load_catalog().latest()[0]
    people = [
        Person(id="renate", values={"name": "Renate Berger", "relation": "spouse", "position": "agrees"}),
        Person(id="mia", values={"name": "Mia Berger", "relation": "child", "position": "not_asked",
                                 "guardian": "Renate Berger"}),
    ]
    answers = {
        "medium": Answer(choices=["animated_photo"]),
        "person_name": Answer(text="Klaus Berger"),
        "person_lived": Answer(choices=["de"]),
        "died": Answer(date=dt.date(2026, 9, 1)),
        "people": Answer(people=people),
    }
    a = Assessment(checklist=ChecklistPin(id=c.id, version=c.version), answers=answers)
    return consent_payload(document_input(c, a, lang, TODAY))


def test_the_guardian_signs_for_a_minor_child() -> None:
    signers = [(s.name, s.relation) for s in _payload("en").signers]
    # Renate signs twice: for herself, and for her daughter; Mia herself is not handed the form
    assert [n for n, _ in signers] == ["Renate Berger", "Renate Berger"], signers
    assert not signers[0][1].startswith("for ")
    assert signers[1][1].startswith("for Mia Berger ("), signers


def test_the_guardian_line_is_german_in_german() -> None:
    signers = _payload("de").signers
    assert any(s.name == "Renate Berger" and s.relation.startswith("für Mia Berger") for s in signers)
