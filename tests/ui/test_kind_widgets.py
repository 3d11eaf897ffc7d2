"""The UI's table of kinds: every kind the registry knows has a widget, and each widget's value goes to the
kind's own answer field and back unchanged."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.render.shipped import shipped_checklist
from tests.support.tiny import tiny_checklist
from vigil.models import kinds
from vigil.models.assessment import Answer
from vigil.models.checklist import Question
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
