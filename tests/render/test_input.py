"""The document input is built once: visibility is worked out one time for every document (``read_facts`` takes the
visible questions and answers it is given), and the facts still count only what is visible now."""

from __future__ import annotations

import sys
from typing import Any

import pytest

import vigil.engine
from tests.render.fixtures import HIDDEN_TEXT, TODAY, full_assessment, studio_checklist
from vigil.engine import evaluate
from vigil.render.input import document_input


def test_visibility_is_worked_out_once(monkeypatch: pytest.MonkeyPatch) -> None:
    checklist, assessment = studio_checklist(), full_assessment(people=2)
    evaluation = evaluate(checklist, assessment, TODAY)
    original = vigil.engine.visible_answers
    calls: list[int] = []

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return original(*args, **kwargs)

    # wherever a module of vigil holds the function by name
    for module in list(sys.modules.values()):
        if (module.__name__ or "").startswith("vigil") and getattr(module, "visible_answers", None) is original:
            monkeypatch.setattr(module, "visible_answers", counting)
    inp = document_input(checklist, assessment, "en", TODAY, evaluation=evaluation)
    assert len(calls) == 1
    assert inp.facts.person_name == "Anna Schmidt"


def test_facts_read_only_visible_answers() -> None:
    base = studio_checklist()
    # bind the hidden question ("secret", shown only for a voice) to a fact the documents state
    checklist = base.model_copy(update={"documents": base.documents.model_copy(update={"commissioner": "secret"})})
    assessment = full_assessment(people=1)
    assert document_input(checklist, assessment, "en", TODAY).facts.commissioner is None
    assessment.answers["medium"].choice = "voice"  # now the question shows
    assert document_input(checklist, assessment, "en", TODAY).facts.commissioner == HIDDEN_TEXT
