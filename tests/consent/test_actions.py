"""Links, answers and withdrawals through the same functions the app uses; what the engine makes of them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tests.render.fixtures import full_assessment, studio_checklist
from vigil.assessment_file import parse_assessment, to_json
from vigil.catalog import load_catalog
from vigil.consent_actions import (
    ConsentActionError,
    create_link,
    hand_over,
    record_answer,
    revoke_link,
    token_hash,
    withdraw,
)
from vigil.consent_plan import page_text
from vigil.consent_state import LinkState, links, own_answers, plan_snapshot, read_with_own_answers
from vigil.engine import evaluate
from vigil.models.assessment import Answer, Assessment
from vigil.models.checklist import Checklist
from vigil.models.common import VerdictId
from vigil.models.consent_record import RecordedAnswer, Response, Signature, verify

NOW = dt.datetime(2026, 12, 2, 10, 0, tzinfo=dt.UTC)
WEEK = NOW + dt.timedelta(days=7)
SCENARIOS = Path(__file__).parents[1] / "scenarios"


def _answer(checklist: Checklist, assessment: Assessment, response: Response, agreed: list[str] | None = None,
            lang: str = "en") -> tuple[RecordedAnswer, object]:
    shown = page_text(checklist, assessment, lang, NOW.date())
    asked = [i.id for i in shown.items]
    return RecordedAnswer(response=response, asked=asked, agreed=asked if agreed is None else agreed,
                          signature=Signature(full_name="Jürgen Weiß", declaration=True)), shown


def answered(checklist: Checklist, assessment: Assessment, person: str, response: Response,
             agreed: list[str] | None = None, lang: str = "en") -> tuple[Assessment, str]:
    assessment, link, _ = create_link(checklist, assessment, person, lang, WEEK, NOW)
    answer, shown = _answer(checklist, assessment, response, agreed, lang)
    return record_answer(checklist, assessment, link, answer, shown, NOW), link  # type: ignore[arg-type]


def test_a_token_has_256_bits_and_only_its_hash_is_kept() -> None:
    checklist = studio_checklist()
    a, link, token = create_link(checklist, full_assessment(2), "p00", "de", WEEK, NOW)
    assert len(token) >= 43  # 32 bytes, URL-safe base64
    dumped = a.model_dump_json()
    assert token not in dumped and token_hash(token) not in dumped
    assert links(a.consent_record)[link].state(NOW) == LinkState.active
    assert links(a.consent_record)[link].state(WEEK) == LinkState.expired


def test_links_are_only_for_people_of_the_register_and_expire_in_the_future() -> None:
    checklist = studio_checklist()
    with pytest.raises(ConsentActionError):
        create_link(checklist, full_assessment(2), "nobody", "en", WEEK, NOW)
    with pytest.raises(ConsentActionError):
        create_link(checklist, full_assessment(2), "p00", "en", NOW, NOW)


def test_an_objection_recorded_by_the_person_is_a_refusal_even_when_the_maker_reported_agreement() -> None:
    checklist = studio_checklist()
    base = full_assessment(2, position="agrees")
    assert evaluate(checklist, base, NOW.date()).verdict.id != VerdictId.stop
    a, _ = answered(checklist, base, "p01", Response.objects, agreed=[])
    evaluation = evaluate(checklist, a, NOW.date())
    assert evaluation.verdict.id == VerdictId.stop
    # the maker's reported value stays in the draft: only the evaluated copy reads the person's own word
    assert a.answers["relatives"].people is not None
    assert a.answers["relatives"].people[1].values["position"] == "agrees"


def test_a_withdrawal_counts_as_a_no_and_a_revoked_link_cannot_be_used() -> None:
    checklist = studio_checklist()
    a, link = answered(checklist, full_assessment(2), "p00", Response.agrees)
    assert evaluate(checklist, a, NOW.date()).verdict.id != VerdictId.stop
    a = withdraw(checklist, a, link, NOW + dt.timedelta(hours=1))
    assert own_answers(a.consent_record, plan_snapshot(checklist, a, NOW.date()))["p00"].withdrawn
    assert evaluate(checklist, a, NOW.date()).verdict.id == VerdictId.stop
    a = revoke_link(a, link, NOW + dt.timedelta(hours=2))
    with pytest.raises(ConsentActionError, match="revoked"):
        withdraw(checklist, a, link, NOW + dt.timedelta(hours=3))
    a, other, _ = create_link(checklist, a, "p01", "en", WEEK, NOW)
    with pytest.raises(ConsentActionError, match="expired"):
        withdraw(checklist, a, other, WEEK)
    assert verify(a.consent_record) is None
    assert [e.seq for e in a.consent_record.entries] == [1, 2, 3, 4, 5]


def test_an_agreement_for_an_earlier_plan_counts_as_not_yet_given_and_names_what_changed() -> None:
    checklist = studio_checklist()
    base = full_assessment(2, position="not_asked")
    a, _ = answered(checklist, base, "p00", Response.agrees)
    seen = read_with_own_answers(checklist, a, NOW.date())
    people = seen.answers["relatives"].people or []
    assert people[0].values["position"] == "agrees"
    answers = dict(a.answers)
    answers["audience"] = Answer(choices=["family", "public"])
    answers["commercial"] = Answer(choice="yes")
    changed = a.model_copy(update={"answers": answers})
    own = own_answers(changed.consent_record, plan_snapshot(checklist, changed, NOW.date()))["p00"]
    assert own.for_earlier_plan and own.changed == ["audience", "commercial"]
    people = read_with_own_answers(checklist, changed, NOW.date()).answers["relatives"].people or []
    assert people[0].values["position"] == "undecided"


def test_an_answer_to_a_plan_that_changed_while_it_was_read_is_not_recorded() -> None:
    checklist = studio_checklist()
    a, link, _ = create_link(checklist, full_assessment(2), "p00", "en", WEEK, NOW)
    answer, shown = _answer(checklist, a, Response.agrees)
    answers = dict(a.answers)
    answers["commercial"] = Answer(choice="yes")
    a = a.model_copy(update={"answers": answers})
    with pytest.raises(ConsentActionError, match="plan_changed"):
        record_answer(checklist, a, link, answer, shown, NOW)  # type: ignore[arg-type]


def test_a_hand_over_is_marked_in_person() -> None:
    checklist = studio_checklist()
    a, link = hand_over(checklist, full_assessment(2), "p00", "en", NOW)
    answer, shown = _answer(checklist, a, Response.agrees_in_part, agreed=["likeness"])
    a = record_answer(checklist, a, link, answer, shown, NOW)  # type: ignore[arg-type]
    entry = a.consent_record.entries[-1]
    assert entry.answer is not None and entry.answer.channel == "in_person"
    assert entry.shown_sha256 in a.consent_record.texts


def test_the_assessment_file_keeps_the_record_verifiable() -> None:
    catalog = load_catalog()
    raw = (SCENARIOS / "documentary-voice-widow-not-asked.json").read_bytes()
    a, checklist = parse_assessment(raw, catalog)
    people = a.answers["people"].people or []
    a, link, _ = create_link(checklist, a, people[0].id, "de", WEEK, NOW)
    answer, shown = _answer(checklist, a, Response.objects, agreed=[], lang="de")
    a = record_answer(checklist, a, link, answer, shown, NOW)  # type: ignore[arg-type]
    again, _ = parse_assessment(to_json(a).encode(), catalog)
    assert again.consent_record == a.consent_record
    assert verify(again.consent_record) is None
    doc = json.loads(to_json(a))
    doc["consent_record"]["entries"][1]["answer"]["response"] = "agrees"
    tampered, _ = parse_assessment(json.dumps(doc).encode(), catalog)
    problem = verify(tampered.consent_record)
    assert problem is not None and problem.seq == 2


def _scenario() -> tuple[Assessment, Checklist]:
    return parse_assessment((SCENARIOS / "documentary-voice-widow-not-asked.json").read_bytes(), load_catalog())


def _with_agency(a: Assessment, **values: str) -> Assessment:
    people = [p.model_copy(update={"values": {**p.values, **values}}) if i == 1 else p
              for i, p in enumerate(a.answers["people"].people or [])]
    answers = dict(a.answers)
    answers["people"] = a.answers["people"].model_copy(update={"people": people})
    return a.model_copy(update={"answers": answers})


def _seen_position(checklist: Checklist, a: Assessment, index: int = 1) -> object:
    return (read_with_own_answers(checklist, a, NOW.date()).answers["people"].people or [])[index].values["position"]


def test_a_reported_spoken_agreement_for_a_public_plan_counts_as_not_yet_given() -> None:
    a, checklist = _scenario()
    assert _seen_position(checklist, a) == "agrees"  # reported in writing, signed: it stands
    spoken = _with_agency(a, recorded="verbal")
    assert _seen_position(checklist, spoken) == "undecided"
    assert spoken.answers["people"].people[1].values["position"] == "agrees"  # type: ignore[index]
    # the same person's own word through their link settles it
    agency = (spoken.answers["people"].people or [])[1].id
    confirmed, _ = answered(checklist, spoken, agency, Response.agrees)
    assert _seen_position(checklist, confirmed) == "agrees"


def test_a_reported_spoken_agreement_for_a_private_unpaid_plan_stands() -> None:
    a, checklist = _scenario()
    answers = dict(a.answers)
    answers["audience"] = Answer(choice="private")
    answers["commercial"] = Answer(choice="no")
    private = _with_agency(a.model_copy(update={"answers": answers}), recorded="verbal")
    assert _seen_position(checklist, private) == "agrees"
