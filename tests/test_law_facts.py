"""Facts the maker can know, and what Vigil derives from them (issue 9, second round): the commissioner's relation
and roles instead of a legal standing, messenger channels as distribution, the AI Act deployer duty, a surprise for
relatives not asked and a minor child represented by a guardian; each one fact, one finding."""

from __future__ import annotations

import datetime as dt
import functools
import json
import subprocess
import sys
from pathlib import Path

import pytest

from vigil.catalog import load_catalog
from vigil.engine import evaluate
from vigil.i18n import words
from vigil.models.assessment import Answer, Assessment, ChecklistPin, Person
from vigil.models.checklist import Checklist
from vigil.models.results import ConsentNeed, Evaluation, Finding

TODAY = dt.date(2026, 12, 1)
ROOT = Path(__file__).resolve().parent.parent


@functools.cache
def _checklist() -> Checklist:
    return load_catalog().latest()[0]


def _person(name: str, relation: str, position: str, **more: str | list[str]) -> Person:
    values: dict[str, str | list[str] | None] = {"name": name, "relation": relation, "position": position, **more}
    return Person(id=name.replace(" ", "_").lower(), values=values)


BERGERS = [_person("Renate Berger", "spouse", "agrees"), _person("Julia Berger", "child", "not_asked")]


def _evaluate(people: list[Person] | None = None, place: str = "de", **answers: Answer) -> Evaluation:
    base = {
        "medium": Answer(choices=["animated_photo"]),
        "realism": Answer(choice="realistic"),
        "person_name": Answer(text="Klaus Berger"),
        "person_lived": Answer(choices=[place]),
        "shown_in": Answer(choices=[place]),
        "died": Answer(date=dt.date(2026, 9, 1)),
        "people": Answer(people=BERGERS if people is None else people),
        "audience": Answer(choice="private"),
        "commercial": Answer(choice="no"),
        **answers,
    }
    c = _checklist()
    return evaluate(c, Assessment(checklist=ChecklistPin(id=c.id, version=c.version), answers=base), TODAY)


def _found(e: Evaluation) -> dict[str, Finding]:
    return {f.id: f for f in e.findings}


# --------------------------------------------------------------------------- 1. the commissioner: facts, not a say


def test_the_maker_is_not_asked_the_commissioners_legal_standing() -> None:
    ids = {q.id for q in _checklist().questions()}
    assert "commissioner_standing" not in ids
    assert {"commissioner_roles", "maker"} <= ids


@pytest.mark.parametrize(("commissioner", "roles", "fires"), [
    ("fan_or_stranger", ["none"], True),
    ("company_or_brand", ["none"], True),
    ("fan_or_stranger", ["mandate"], False),  # acts for someone with a say, in writing
    ("friend", ["heir"], False),  # a friend who is an heir
    ("company_or_brand", ["licence_holder"], False),
    ("other_relative", ["none"], False),  # a relative's say comes from the relation
])
def test_the_commissioners_say_is_worked_out_from_relation_and_roles(commissioner: str, roles: list[str],
                                                                     fires: bool) -> None:
    people = [_person("Renate Berger", "spouse", "not_asked")]
    e = _evaluate(people, audience=Answer(choice="public"), commissioner=Answer(choice=commissioner),
                  commissioner_roles=Answer(choices=roles))
    assert ("stranger_public" in _found(e)) is fires


# --------------------------------------------------------------------------- 2. how it reaches people


def test_sending_it_to_the_family_chat_is_distribution_under_kug_22() -> None:
    """KUG § 22 covers distributing a picture, public or not (LG Frankfurt am Main 2015: sending by WhatsApp)."""
    e = _evaluate(channels=Answer(choices=["in_person", "messenger"]))
    needs = {p.name: p.need for p in e.consent}
    assert needs["Julia Berger"] == ConsentNeed.required
    f = _found(e)["consent_outstanding"]
    assert f.severity.value == "serious" and words(f.action, "en").startswith("Ask Julia Berger (child)")
    assert "family_not_asked" not in _found(e)
    # shown only in person, nothing is passed on: the law asks no one, the family is still asked
    shown = _evaluate(channels=Answer(choices=["in_person"]))
    assert {p.name: p.need for p in shown.consent}["Julia Berger"] == ConsentNeed.advised
    assert "family_not_asked" in _found(shown) and "consent_outstanding" not in _found(shown)


def test_a_family_chat_is_not_making_it_public_in_austria() -> None:
    """UrhG § 78 covers public display and distribution that makes it accessible to the public."""
    e = _evaluate([_person("Anna Huber", "parent", "not_asked")], place="at",
                  channels=Answer(choices=["messenger"]))
    assert [b.right for p in e.consent for b in p.basis] == []


def test_every_channel_counts_not_only_the_audience_named() -> None:
    """'Family only', but also posted openly online: it is public."""
    e = _evaluate(channels=Answer(choices=["messenger", "open_online"]))
    assert {p.name: p.need for p in e.consent}["Julia Berger"] == ConsentNeed.required
    assert e.exempt == []


# --------------------------------------------------------------------------- 3. the AI Act deployer duty


def test_the_ai_act_duty_is_a_condition_for_a_professional_commission() -> None:
    e = _evaluate(maker=Answer(choice="professional"), visible_label=Answer(choice="none_planned"))
    found = _found(e)
    duty = found["eu_ai_act_50_4"]
    assert duty.severity.value == "caution" and duty.dimension == "disclosure"
    assert words(duty.message, "en").startswith("Under EU law (AI Act Art. 50(4)), whoever uses an AI system professionally")
    assert words(duty.message, "de").startswith("Nach EU-Recht (Art. 50 Abs. 4 KI-Verordnung) muss offenlegen")
    assert "first moment" in words(duty.action, "en") and words(duty.action, "de")
    # one fact, one finding: the label rule that says the same gives way
    assert "undisclosed_realistic" not in found
    assert e.duties == ["eu_ai_act_50_4"]


@pytest.mark.parametrize(("more", "rule"), [
    ({"uses": Answer(choices=["political"])}, "political_unlabelled"),
    ({"shown_in": Answer(choices=["us_other"]), "made_in": Answer(choices=["de"])}, "unlabelled_other"),
])
def test_no_other_label_rule_repeats_the_duty(more: dict[str, Answer], rule: str) -> None:
    e = _evaluate(maker=Answer(choice="professional"), visible_label=Answer(choice="none_planned"), **more)
    found = _found(e)
    assert "eu_ai_act_50_4" in found and rule not in found
    # without the duty (a family's own), the rule still speaks
    assert rule in _found(_evaluate(maker=Answer(choice="personal"), visible_label=Answer(choice="none_planned"),
                                    **more))


def test_the_duty_is_advice_once_the_planned_label_meets_it() -> None:
    e = _evaluate(maker=Answer(choice="professional"), visible_label=Answer(choice="label_at_start"))
    duty = _found(e)["eu_ai_act_50_4"]
    assert duty.severity.value == "info"
    assert "The label you plan meets it" in words(duty.message, "en")


def test_a_familys_own_private_memorial_is_outside_the_act() -> None:
    e = _evaluate(maker=Answer(choice="personal"), visible_label=Answer(choice="none_planned"))
    assert "eu_ai_act_50_4" not in _found(e)
    assert e.duties == []
    # the label advice remains, as advice to the family, not as a legal duty
    assert "undisclosed_realistic" in _found(e)


def test_an_organisation_is_a_professional_deployer() -> None:
    e = _evaluate(commissioner=Answer(choice="cultural_institution"), audience=Answer(choice="public"),
                  visible_label=Answer(choice="credits_or_caption"), uses=Answer(choices=["documentary_news"]))
    found = _found(e)
    assert found["eu_ai_act_50_4"].severity.value == "caution"
    assert "credits_only_not_artistic" not in found


def _assess_json(name: str) -> dict[str, object]:
    result = subprocess.run([sys.executable, "-m", "vigil", "assess", f"tests/scenarios/{name}.json", "--format",
                             "json", "--today", "2026-12-02"], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    out: dict[str, object] = json.loads(result.stdout)
    return out


def test_the_duty_is_in_the_assess_json_where_it_applies_and_not_where_it_does_not() -> None:
    documentary = _assess_json("documentary-widow-objects-after-release")
    findings = {f["id"]: f for f in documentary["findings"]}  # type: ignore[attr-defined]
    assert findings["eu_ai_act_50_4"]["severity"] == "caution"
    assert findings["eu_ai_act_50_4"]["message"].startswith("Under EU law (AI Act Art. 50(4))")
    assert documentary["duties"] == ["eu_ai_act_50_4"]
    family = _assess_json("private-animated-photo-recorded-consent")
    assert "eu_ai_act_50_4" not in {f["id"] for f in family["findings"]}  # type: ignore[attr-defined]
    assert family["duties"] == []


# --------------------------------------------------------------------------- 4. a surprise for relatives not asked


def test_a_surprise_for_the_closest_family_not_asked_is_one_finding_that_names_them() -> None:
    e = _evaluate(gift_surprise=Answer(choice="yes"))
    found = _found(e)
    assert "surprise_for_relatives" not in found and "family_not_asked" not in found
    f = found["family_surprise"]
    assert f.severity.value == "serious" and f.person_ids == ["julia_berger"]
    assert words(f.action, "en").startswith("Ask Julia Berger (child) before it is made")
    assert words(f.action, "de").startswith("Fragen Sie Julia Berger (Kind) vor der Herstellung")
    assert "kardashian_src" in f.sources


def test_a_surprise_with_nobody_close_left_to_ask_keeps_the_rule() -> None:
    everyone = [_person("Renate Berger", "spouse", "agrees"), _person("Julia Berger", "child", "agrees")]
    found = _found(_evaluate(everyone, gift_surprise=Answer(choice="yes")))
    assert "surprise_for_relatives" in found and "family_surprise" not in found


# --------------------------------------------------------------------------- 5. a minor child and their guardian


def test_a_minor_childs_say_is_given_through_their_guardian() -> None:
    # the plan is public: the spouse's reported agreement counts only when given in writing (consent_state)
    people = [_person("Renate Berger", "spouse", "agrees", recorded="written"),
              _person("Mia Berger", "child", "not_asked", guardian="Renate Berger")]
    e = _evaluate(people, audience=Answer(choice="public"))
    f = _found(e)["consent_outstanding"]
    assert words(f.action, "en").startswith("Ask Mia Berger (child, represented by Renate Berger) before")
    assert words(f.action, "de").startswith("Fragen Sie Mia Berger (Kind, vertreten durch Renate Berger)")
    assert "Mia Berger (child, represented by Renate Berger) has not been asked yet" in words(f.message, "en")
    mia = next(p for p in e.consent if p.name == "Mia Berger")
    assert mia.guardian == "Renate Berger" and mia.need == ConsentNeed.required


def test_the_register_can_record_a_guardian() -> None:
    c = _checklist()
    assert c.law is not None and c.law.facts.guardian_field == "guardian"
    fld = next(f for f in c.question("people").fields if f.id == "guardian")
    assert fld.kind.value == "short_text" and not fld.required
