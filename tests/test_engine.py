"""Table-driven engine cases over the tiny checklist."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.support.tiny import TODAY, assessment, complete_fine, people, tiny_checklist
from vigil.engine import evaluate
from vigil.i18n import words
from vigil.models.assessment import Answer, OpenItem
from vigil.models.common import VerdictId
from vigil.models.results import DimensionStatus, SectionState

CHECKLIST = tiny_checklist()


def run(**changes: Answer):
    answers = complete_fine()
    answers.update(changes)
    return evaluate(CHECKLIST, assessment(**answers), TODAY)


@pytest.mark.parametrize(
    ("changes", "verdict", "reason_ids"),
    [
        ({}, VerdictId.ready, []),
        ({"forbade": Answer(choice="yes")}, VerdictId.stop, ["forbidden"]),
        ({"relatives": people("agrees", "objects")}, VerdictId.stop, ["objection"]),
        ({"relatives": people("agrees", "not_asked")}, VerdictId.resolve_first, ["not_asked"]),
        ({"medium": Answer(choice="voice")}, VerdictId.proceed_with_conditions, ["label_voice"]),
        ({"age_at_death": Answer(number=12)}, VerdictId.stop, ["minor"]),
        ({"consent": Answer(dont_know=True)}, VerdictId.resolve_first, ["unknown.consent"]),
        # a "don't know" that the checklist weighs as a caution only
        ({"forbade": Answer(dont_know=True)}, VerdictId.proceed_with_conditions, ["unknown.forbade"]),
        # info findings never change the verdict
        ({"platforms": Answer(choices=["tiktok"])}, VerdictId.ready, []),
        ({"died_on": Answer(date=dt.date(2020, 1, 1))}, VerdictId.proceed_with_conditions, ["recent"]),
        ({"died_on": Answer(date=dt.date(2010, 1, 1))}, VerdictId.ready, []),
    ],
)
def test_verdicts(changes: dict[str, Answer], verdict: VerdictId, reason_ids: list[str]) -> None:
    result = run(**changes)
    assert result.verdict.id == verdict
    assert [f.id for f in result.verdict.reasons] == reason_ids


def test_blocker_outranks_everything_and_all_blockers_are_reasons() -> None:
    result = run(forbade=Answer(choice="yes"), relatives=people("objects", "not_asked"),
                 medium=Answer(choice="voice"))
    assert result.verdict.id == VerdictId.stop
    assert {f.id for f in result.verdict.reasons} == {"forbidden", "objection"}
    assert {"not_asked", "label_voice"} <= {f.id for f in result.findings}


def test_years_since_counts_whole_years() -> None:
    # died exactly ten years before today: no longer "less than ten years"
    assert "recent" not in {f.id for f in run(died_on=Answer(date=dt.date(2016, 11, 22))).findings}
    assert "recent" in {f.id for f in run(died_on=Answer(date=dt.date(2016, 11, 23))).findings}


def test_incomplete_assessment_is_never_ready() -> None:
    result = evaluate(CHECKLIST, assessment(medium=Answer(choice="photo")), TODAY)
    assert result.verdict.id == VerdictId.resolve_first
    assert result.verdict.reasons[0].id == "incomplete"
    assert result.progress.answered == 1
    assert result.progress.required == 5
    assert not result.complete


def test_empty_assessment() -> None:
    result = evaluate(CHECKLIST, assessment(), TODAY)
    assert result.progress.answered == 0
    assert all(s.state == SectionState.not_started for s in result.sections)
    assert result.open_items == []


def test_hidden_question_answers_count_nowhere() -> None:
    base = run(voice_lines=Answer(text="Hello from beyond"), medium=Answer(choice="photo"))
    assert "voice_lines" not in base.visible_questions
    # a hidden answer that would be a "don't know" produces no finding or open item
    hidden_unknown = run(medium=Answer(choice="photo"), voice_lines=Answer(dont_know=True))
    assert "unknown.voice_lines" not in {f.id for f in hidden_unknown.findings}
    assert hidden_unknown.open_items == []
    shown = run(medium=Answer(choice="voice"), voice_lines=Answer(dont_know=True))
    assert "unknown.voice_lines" in {f.id for f in shown.findings}


def test_hidden_section_hides_its_rules() -> None:
    result = run(consent=Answer(choice="not_applicable"), relatives=people("objects"))
    assert "relatives" not in result.visible_questions
    assert "objection" not in {f.id for f in result.findings}
    assert result.dimension("family").status == DimensionStatus.not_applicable
    assert "de" not in result.jurisdictions


def test_dont_know_becomes_open_item_with_stored_details() -> None:
    a = assessment(**{**complete_fine(), "consent": Answer(dont_know=True)})
    a.open_items["consent"] = OpenItem(question_id="consent", what="Ask the notary", who="Maria",
                                       due=dt.date(2026, 12, 1))
    result = evaluate(CHECKLIST, a, TODAY)
    [item] = result.open_items
    assert (item.question_id, item.who, item.what, item.due) == ("consent", "Maria", "Ask the notary",
                                                                  dt.date(2026, 12, 1))
    assert item.section_id == "person"
    # a don't-know counts as responded for progress, but is not an answer
    assert result.progress.answered == result.progress.required


def test_dimension_and_section_states() -> None:
    result = run(relatives=people("objects"), medium=Answer(choice="voice"))
    assert result.dimension("family").status == DimensionStatus.stop
    assert result.dimension("media").status == DimensionStatus.proceed_with_conditions
    assert result.dimension("wishes").status == DimensionStatus.ready
    assert result.section("relatives").state == SectionState.has_concerns
    assert result.section("made").state == SectionState.has_concerns
    partial = evaluate(CHECKLIST, assessment(age_at_death=Answer(number=70)), TODAY)
    assert partial.section("person").state == SectionState.in_progress
    assert partial.dimension("wishes").status == DimensionStatus.incomplete


def test_unknown_choice_value_matches_nothing() -> None:
    result = run(medium=Answer(choice="hologram"))
    assert "label_voice" not in {f.id for f in result.findings}


def test_jurisdiction_shown_only_when_relevant() -> None:
    assert run().jurisdictions == ["de"]
    answers = complete_fine()
    del answers["relatives"]
    assert evaluate(CHECKLIST, assessment(**answers), TODAY).jurisdictions == []


def test_messages_exist_in_every_language() -> None:
    result = run(consent=Answer(dont_know=True))
    for f in result.findings:
        for lang in ("en", "de"):
            assert words(f.message, lang).strip() and words(f.action, lang).strip()
    unknown = next(f for f in result.findings if f.origin == "unknown")
    assert "Question consent?" in words(unknown.message, "en")
    assert words(unknown.message, "de").startswith("Noch nicht geklärt")


def test_a_blank_person_row_is_not_an_answer() -> None:
    from vigil.models.assessment import Person

    blank = run(relatives=Answer(people=[Person(values={"position": "agrees"})]))
    assert blank.verdict.id == VerdictId.resolve_first
    assert "relatives" in next(f for f in blank.findings if f.id == "incomplete").question_ids
    assert blank.section("relatives").state == SectionState.in_progress
    named = run(relatives=Answer(people=[Person(values={"name": "Grete", "position": "agrees"})]))
    assert named.verdict.id == VerdictId.ready
