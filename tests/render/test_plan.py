"""The plan in statements (``build_plan``) and the consent form built from it, over the shipped checklist.

The property test draws random assessments of the shipped checklist and checks, from the answers alone (not from
the plan's own reasoning), that nothing about labels, voice, words, commercial use, audience or retention is said
unless the answers say so, and that the form asks only about what the plan includes or cannot rule out.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings

from tests.render.shipped import shipped_assessment, shipped_checklist
from tests.support.strategies import assessments_for
from vigil.models.assessment import Answer, Assessment
from vigil.models.checklist import Checklist
from vigil.models.common import pick
from vigil.render.consent import consent_payload
from vigil.render.input import document_input
from vigil.render.plan import Known, Plan, Topic
from vigil.visibility import visible_answers

TODAY = dt.date(2026, 12, 2)
CHECKLIST = shipped_checklist()
B = CHECKLIST.documents


def _text(plan: Plan, topic: Topic) -> str:
    statement = plan.get(topic)
    assert statement is not None, topic
    return statement.text


def _with(**answers: Answer) -> Assessment:
    a = shipped_assessment(CHECKLIST)
    a.answers.update(answers)
    return a


def _label(qid: str, oid: str, lang: str = "en") -> str:
    q = CHECKLIST.question(qid)
    return next(pick(o.label, lang) for o in q.options if o.id == oid)


def test_a_silent_unpaid_family_clip_is_asked_only_about_the_likeness() -> None:
    a = _with(medium=Answer(choices=["animated_photo"]), new_words=Answer(choice="movement_only"),
              audience=Answer(choice="private"), commercial=Answer(choice="no"),
              visible_label=Answer(choice="none_planned"))
    inp = document_input(CHECKLIST, a, "en", TODAY)
    payload = consent_payload(inp)
    assert payload.permissions == ["Using the face and likeness of Jürgen Weiß"]
    rows = {r.label: r.value for r in payload.plan}
    assert rows["How people learn it was made with AI"] == "No label is planned"
    assert rows["Voice"] == "No voice: it is silent."
    assert rows["Commercial use"] == "No: no one will earn money from it."
    assert "Where it will be published" not in rows  # family only: no platforms line
    assert all("AI re-creation" not in r.value for r in payload.plan)


def test_unanswered_reads_not_yet_decided_and_the_form_asks_what_it_cannot_rule_out() -> None:
    inp = document_input(CHECKLIST, shipped_assessment(CHECKLIST), "en", TODAY)
    payload = consent_payload(inp)
    undecided = [r for r in payload.plan + payload.keeping + payload.withdrawing if not r.decided]
    assert {r.value for r in undecided} == {"not yet decided"}
    assert len(undecided) >= 14
    kinds = " ".join(payload.permissions)
    assert "voice" in kinds and "never said" in kinds and "beyond the family" in kinds and "Commercial" in kinds
    assert "Keeping" not in kinds  # no time is stated, so no one is asked to agree to it


def test_keeping_and_withdrawing_are_stated_separately() -> None:
    a = _with(retention=Answer(choice="fixed_date"), retention_date=Answer(date=dt.date(2027, 6, 30)),
              work_retention=Answer(choice="family_only"), deletion=Answer(choice="confirmed"),
              withdrawal=Answer(choice="any_close_relative"),
              withdrawal_contact=Answer(text="Anna Berg, anna@example.org"),
              withdrawal_effect=Answer(choice="at_once"), shared_copies=Answer(choice="own_copies_only"))
    plan = document_input(CHECKLIST, a, "de", TODAY).plan
    assert _text(plan, Topic.keep_source) == "Am 30. Juni 2027"
    assert _text(plan, Topic.keep_model) == "Am 30. Juni 2027"
    assert _text(plan, Topic.keep_work) == _label("work_retention", "family_only", "de")
    assert _text(plan, Topic.withdraw_contact) == "Anna Berg, anna@example.org"
    assert _text(plan, Topic.withdraw_copies) == _label("shared_copies", "own_copies_only", "de")
    assert plan.retention_decided


def test_a_fixed_date_without_the_date_is_not_decided() -> None:
    plan = document_input(CHECKLIST, _with(retention=Answer(choice="fixed_date")), "en", TODAY).plan
    assert not plan.retention_decided
    assert _text(plan, Topic.keep_source) == "not yet decided"


def test_when_nobody_can_withdraw_the_form_says_so_and_names_no_contact() -> None:
    plan = document_input(CHECKLIST, _with(withdrawal=Answer(choice="nobody")), "en", TODAY).plan
    assert plan.withdrawal_offered == Known.no
    assert _text(plan, Topic.withdraw_who) == _label("withdrawal", "nobody")
    assert plan.get(Topic.withdraw_contact) is None


def test_commercial_release_is_commercial_whatever_the_money_question_says() -> None:
    plan = document_input(CHECKLIST, _with(audience=Answer(choice="commercial_release")), "en", TODAY).plan
    assert plan.commercial == Known.yes
    assert plan.beyond_family == Known.yes


def test_dont_know_is_not_an_answer() -> None:
    plan = document_input(CHECKLIST, _with(visible_label=Answer(dont_know=True)), "en", TODAY).plan
    assert not plan.get(Topic.label).decided  # type: ignore[union-attr]


# ---------------------------------------------------------------------------------------------------- property


def _answered(checklist: Checklist, a: Assessment, qid: str | None) -> list[str] | None:
    """The chosen option ids of a visible, answered question (``[]`` for text and dates); None otherwise."""
    if qid is None:
        return None
    visible, effective = visible_answers(checklist, a.answers, TODAY)
    if qid not in {q.id for q in visible}:
        return None
    answer = effective.get(qid)
    if answer is None or not answer.is_answered:
        return None
    return list(answer.choices or ([answer.choice] if answer.choice else []))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(assessments_for(CHECKLIST))
def test_nothing_is_stated_unless_the_answers_say_so(a: Assessment) -> None:
    inp = document_input(CHECKLIST, a, "en", TODAY)
    payload = consent_payload(inp)
    rows = {r.label: r for r in payload.plan + payload.keeping + payload.withdrawing}
    perms = " | ".join(payload.permissions)
    m = B.meanings

    def row(label: str) -> tuple[bool, str] | None:
        r = rows.get(label)
        return None if r is None else (r.decided, r.value)

    for r in rows.values():
        assert r.decided or r.value == "not yet decided", r
        assert inp.kit.on_screen not in r.value  # the kit's label text is never presented as the plan

    label = _answered(CHECKLIST, a, B.label)
    got = row("How people learn it was made with AI")
    assert got is not None and got[0] == (label is not None)
    if label:
        assert got[1] == _label(B.label or "", label[0])

    words = _answered(CHECKLIST, a, B.new_words)
    assert row("Words") == ((True, _label(B.new_words or "", words[0])) if words else (False, "not yet decided"))
    if words and all(w in m.no_words + m.own_words for w in words):
        assert "never said" not in perms
    else:
        assert "never said" in perms

    media = _answered(CHECKLIST, a, B.medium) or []
    voiced = any(x in m.voice_media for x in media)
    silent = (media and all(x in m.silent_media for x in media)) or (words and all(w in m.no_words for w in words))
    voice = row("Voice")
    assert voice is not None
    assert voice[0] == bool(voiced or silent)
    assert ("voice" in perms) == (not silent or voiced)

    audience = _answered(CHECKLIST, a, B.audience)
    assert (row("Who will see it") or (False, ""))[0] == (audience is not None)
    family_only = audience is not None and all(x in m.private_audience for x in audience)
    assert ("beyond the family" in perms) == (not family_only)
    assert (row("Where it will be published") is None) == family_only

    paid = _answered(CHECKLIST, a, B.commercial) or []
    commercial_release = any(x in m.commercial_audience for x in audience or [])
    commercial = row("Commercial use")
    assert commercial is not None
    if commercial[1] == "Yes: someone will earn money from it.":
        assert "yes" in paid or commercial_release
    if commercial[1] == "No: no one will earn money from it.":
        assert "no" in paid and not commercial_release
    assert commercial[0] == bool(paid or commercial_release)
    assert ("Commercial use" in perms) == ("no" not in paid or commercial_release)

    kept = _answered(CHECKLIST, a, B.retention)
    dated = _answered(CHECKLIST, a, B.retention_date)
    decided = kept is not None and (not any(k in m.fixed_date for k in kept) or dated is not None)
    for lab in ("The source material (photos, films, recordings): when copies are deleted",
                "The AI model or voice model: when it is deleted"):
        assert (row(lab) or (False, ""))[0] == decided
    assert ("Keeping" in perms) == decided
    assert (row("The finished work") or (False, ""))[0] == (_answered(CHECKLIST, a, B.work_retention) is not None)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_every_statement_has_words_in_both_languages(lang: str) -> None:
    plan = document_input(CHECKLIST, shipped_assessment(CHECKLIST), lang, TODAY).plan
    for s in plan.statements:
        assert s.label.strip() and s.text.strip()
