"""Widget values become answers (and back) for every kind of question."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from tests.support.tiny import assessment, tiny_checklist
from vigil.models.assessment import Answer
from vigil.ui import answers, kind_widgets
from vigil.validation import assessment_problems

C = tiny_checklist()
Q = {q.id: q for q in C.questions()}


def test_choice_and_dont_know() -> None:
    a = assessment()
    kind_widgets.set_value(a, Q["consent"], "yes")
    assert a.answers["consent"].choice == "yes"
    kind_widgets.set_value(a, Q["consent"], kind_widgets.DONT_KNOW)
    assert a.answers["consent"].dont_know and a.answers["consent"].choice is None
    assert "consent" in a.open_items
    assert kind_widgets.widget_value(Q["consent"], a.answers["consent"]) == kind_widgets.DONT_KNOW
    kind_widgets.set_value(a, Q["consent"], "bogus")
    assert "consent" not in a.answers  # nothing left: the answer is removed


def test_every_kind_round_trips_through_its_widget_value() -> None:
    a = assessment()
    values = {
        "medium": "voice",
        "platforms": ["tiktok", "nope"],
        "voice_lines": "Hello *there* <script>alert(1)</script> \u202e",
        "age_at_death": 81,
        "died_on": dt.date(2020, 2, 29),
    }
    for qid, value in values.items():
        kind_widgets.set_value(a, Q[qid], value)
    assert a.answers["platforms"].choices == ["tiktok"]
    assert a.answers["age_at_death"].number == 81.0
    assert kind_widgets.widget_value(Q["voice_lines"], a.answers["voice_lines"]) == values["voice_lines"]
    assert kind_widgets.widget_value(Q["died_on"], a.answers["died_on"]) == dt.date(2020, 2, 29)
    assert assessment_problems(C, a) == []


def test_empty_text_clears_but_keeps_a_note() -> None:
    a = assessment()
    kind_widgets.set_value(a, Q["voice_lines"], "words")
    answers.set_note(a, "voice_lines", "from the letter")
    kind_widgets.set_value(a, Q["voice_lines"], "   ")
    assert a.answers["voice_lines"].text is None
    assert a.answers["voice_lines"].note == "from the letter"
    answers.set_note(a, "voice_lines", "")
    assert "voice_lines" not in a.answers


def test_text_is_cut_to_its_limit_and_nul_is_dropped() -> None:
    a = assessment()
    kind_widgets.set_value(a, Q["voice_lines"], "x\x00" * 60_000)
    text = a.answers["voice_lines"].text
    assert text is not None and len(text) == 50_000 and "\x00" not in text


def test_dont_know_checkbox_opens_an_item_and_open_item_fields() -> None:
    a = assessment()
    answers.set_dont_know(a, Q["age_at_death"], True)
    assert a.answers["age_at_death"].dont_know
    answers.set_open_item(a, "age_at_death", "what", "Her age")
    answers.set_open_item(a, "age_at_death", "due", dt.date(2027, 1, 1))
    answers.set_open_item(a, "age_at_death", "done", True)
    item = a.open_items["age_at_death"]
    assert (item.what, item.due, item.done) == ("Her age", dt.date(2027, 1, 1), True)
    with pytest.raises(ValueError):
        answers.set_open_item(a, "age_at_death", "colour", "red")


def test_evidence_keeps_name_and_hash_only() -> None:
    a = assessment()
    data = b"signed consent form"
    ev = answers.evidence_for("form.pdf", data, dt.date(2026, 11, 22))
    answers.add_evidence(a, "consent", ev)
    stored = a.answers["consent"].evidence
    assert [(e.file_name, e.sha256) for e in stored] == [("form.pdf", hashlib.sha256(data).hexdigest())]
    assert data.decode() not in a.model_dump_json()
    answers.remove_evidence(a, "consent", 0)
    assert "consent" not in a.answers


def test_people_add_edit_remove() -> None:
    a = assessment()
    q = Q["relatives"]
    first = answers.add_person(a, q)
    second = answers.add_person(a, q)
    answers.set_person_value(a, q, first, "name", "王芳")
    answers.set_person_value(a, q, first, "position", "objects")
    answers.set_person_value(a, q, second, "position", "nonsense")
    people = a.answers["relatives"].people or []
    assert [p.values for p in people] == [{"name": "王芳", "position": "objects"},
                                          {"name": None, "position": None}]
    answers.remove_person(a, "relatives", first)
    answers.remove_person(a, "relatives", second)
    assert "relatives" not in a.answers


def test_choice_options_offer_dont_know_only_where_allowed() -> None:
    assert kind_widgets.choice_options(Q["consent"])[-1] == kind_widgets.DONT_KNOW
    strict = Q["consent"].model_copy(update={"allow_dont_know": False})
    assert kind_widgets.DONT_KNOW not in kind_widgets.choice_options(strict)
    a = assessment()
    answers.set_dont_know(a, strict, True)
    assert a.answers == {}


def test_answer_of_does_not_add() -> None:
    a = assessment(consent=Answer(choice="no"))
    assert answers.answer_of(a, "medium") == Answer()
    assert "medium" not in a.answers


def test_meta_title_and_assessor() -> None:
    a = assessment()
    answers.set_meta(a, "title", "  Farewell  ")
    answers.set_meta(a, "assessor", "Studio Licht\x00")
    assert (a.meta.title, a.meta.assessor) == ("Farewell", "Studio Licht")
    with pytest.raises(ValueError):
        answers.set_meta(a, "language", "de")


def test_a_real_value_ends_dont_know() -> None:
    a = assessment()
    answers.set_dont_know(a, Q["age_at_death"], True)
    kind_widgets.set_value(a, Q["age_at_death"], None)
    assert a.answers["age_at_death"].dont_know
    kind_widgets.set_value(a, Q["age_at_death"], 64)
    assert not a.answers["age_at_death"].dont_know
    assert a.answers["age_at_death"].is_answered
