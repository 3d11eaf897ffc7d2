"""The UI's table of kinds: every kind the registry knows has a widget, each widget's value goes to the kind's own
answer field and back unchanged, and each kind draws the widget the table gives it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.render.shipped import shipped_checklist
from tests.support.tiny import tiny_checklist
from tests.ui.support import assert_ok, key, new_assessment, start_app
from vigil.models import kinds
from vigil.models.assessment import Answer
from vigil.models.checklist import Question
from vigil.models.limits import LONG_TEXT_MAX, SHORT_TEXT_MAX
from vigil.ui import kind_widgets

TODAY = dt.date(2026, 11, 22)


def _questions() -> list[Question]:
    return [*tiny_checklist().questions(), *shipped_checklist().questions()]


def test_every_kind_of_the_registry_has_a_widget() -> None:
    assert kind_widgets.WIDGETS.keys() == kinds.KINDS.keys()


def test_both_checklists_between_them_use_every_kind() -> None:
    assert {q.kind for q in _questions()} == set(kinds.KINDS)


@pytest.mark.parametrize("q", [q for q in _questions() if kinds.spec(q.kind).field != "people"],
                         ids=lambda q: f"{q.kind.value}-{q.id}")
def test_a_widget_value_goes_to_the_kinds_own_field_and_back(q: Question) -> None:
    answer = kinds.sample_answer(q, TODAY, text="Grüße, Jürgen – 王芳")
    shown = kind_widgets.widget_value(q, answer)
    changes = kind_widgets.value_changes(q, shown)
    back = Answer.model_validate({k: v for k, v in changes.items() if k != "dont_know"})
    assert kinds.value_of(q, back) == kinds.value_of(q, answer)
    assert kinds.stray_fields(q, back) == []


def test_a_register_is_changed_person_by_person() -> None:
    q = next(q for q in tiny_checklist().questions() if kinds.spec(q.kind).field == "people")
    assert kind_widgets.widget_value(q, None) is None
    with pytest.raises(ValueError, match="person by person"):
        kind_widgets.value_changes(q, ["Anna"])


def test_text_is_cut_to_the_limit_of_its_kind() -> None:
    by_kind = {q.kind: q for q in _questions()}
    for kind in ("short_text", "long_text"):
        q = by_kind[kinds.QuestionKind(kind)]
        limit = kinds.spec(q.kind).max_length
        assert limit is not None
        assert len(kind_widgets.value_changes(q, "x" * (limit + 10))["text"]) == limit


def test_each_kind_draws_its_widget(tiny_checklists: Path) -> None:
    """Through the app: pick-one kinds are radios with "don't know" as their last option (a yes/no in a row), the
    others get a "don't know" box; texts are limited to their kind's length, numbers and dates to their range."""
    at = start_app()
    new_assessment(at)
    at.radio(key=key(at, "q", "medium")).set_value("voice").run()
    medium = at.radio(key=key(at, "q", "medium"))
    assert (medium.options, medium.proto.horizontal) == (["Animated photo", "Voice clone", "Chatbot", "Don't know"],
                                                         False)
    assert at.text_area(key=key(at, "q", "voice_lines")).proto.max_chars == LONG_TEXT_MAX
    assert at.multiselect(key=key(at, "q", "platforms")).options == ["YouTube", "TikTok"]
    assert _dont_know_boxes(at) == ["voice_lines", "platforms"]
    at.button(key="vigil.q.next").click().run()
    assert_ok(at)
    assert at.text_input(key=key(at, "q", "person_name")).proto.max_chars == SHORT_TEXT_MAX
    number = at.number_input(key=key(at, "q", "age_at_death")).proto
    assert (number.min, number.max, number.step, number.format) == (0, 130, 1, "%g")
    date = at.date_input(key=key(at, "q", "died_on")).proto
    assert (date.min, date.max) == ("1800-01-01", "2200-12-31")
    consent = at.radio(key=key(at, "q", "consent"))
    assert (consent.options, consent.proto.horizontal) == (["Yes", "No", "Not applicable", "Don't know"], True)
    assert _dont_know_boxes(at) == ["age_at_death", "died_on"]


def _dont_know_boxes(at: AppTest) -> list[str]:
    return [str(c.key).rsplit(".dk.", 1)[1] for c in at.checkbox if ".dk." in str(c.key)]
