"""The deep authoring check (vigil/reachability.py, ``vigil validate --deep``): every condition node can be
satisfied and falsified by the witness search, and a rule that can never fire is reported where it is."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from tests.support.tiny import checklist_data, option, question, text
from vigil import reachability
from vigil.cli import main
from vigil.cli.common import EXIT_INVALID, EXIT_OK
from vigil.models.checklist import Checklist, Rule
from vigil.models.conditions import _TAG_CLASSES, Condition, holds
from vigil.visibility import visible_answers

TODAY = dt.date(2026, 11, 22)
FIXTURES = Path(__file__).parent / "fixtures"
T = text("x")


def _q(qid: str, kind: str, **extra: Any) -> dict[str, Any]:
    return question(qid, kind, **extra)


def _opts(*ids: str) -> list[dict[str, Any]]:
    return [option(i, i) for i in ids]


CHECKLIST = Checklist.model_validate(checklist_data("kinds", [{"id": "s", "title": T, "questions": [
    _q("yn", "yes_no"),
    _q("one", "single_choice", options=_opts("a", "b")),
    _q("many", "multi_choice", options=_opts("a", "b", "c")),
    _q("text", "short_text"),
    _q("n", "number"),
    _q("when", "date"),
    _q("until", "date"),  # for nodes that compare two dates
    _q("people", "people", visible_if={"equals": {"question": "yn", "value": "yes"}}, fields=[
        {"id": "name", "kind": "short_text", "label": T, "required": True},
        {"id": "relation", "kind": "single_choice", "label": T, "options": _opts("child", "friend")},
        {"id": "roles", "kind": "multi_choice", "label": T, "options": _opts("heir", "executor")},
    ]),
]}]))

# One condition of every node kind; the first test fails when a node is added to vigil/models/conditions.py
# without a sample here (and so, until the witness search is shown to handle it).
SAMPLES: dict[str, dict[str, Any]] = {
    "all": {"all": [{"equals": {"question": "yn", "value": "no"}}, {"answered": "text"}]},
    "any": {"any": [{"number": {"question": "n", "op": "lt", "value": 0}}, {"in": {"question": "one",
                                                                                  "values": ["b"]}}]},
    "not": {"not": {"in": {"question": "many", "values": ["a"]}}},
    "equals": {"equals": {"question": "one", "value": "b"}},
    "in": {"in": {"question": "many", "values": ["c"]}},
    "answered": {"answered": "people"},
    "dont_know": {"dont_know": "when"},
    "number": {"number": {"question": "n", "op": "gt", "value": 17}},
    "years_since": {"years_since": {"question": "when", "op": "lt", "value": 10}},
    "years_between": {"years_between": {"start": "when", "end": "until", "op": "lt", "value": 18}},
    "count_people": {"count_people": {"question": "people", "where": [
        {"field": "relation", "in": ["child"]}, {"field": "roles", "in": ["executor"]}], "op": "ge", "value": 2}},
}


def _condition(data: dict[str, Any]) -> Condition:
    return Rule.model_validate({"id": "r", "when": data, "severity": "caution", "dimension": "wishes",
                                "message": T, "action": T}).when


def test_every_condition_node_has_a_sample() -> None:
    assert set(SAMPLES) == set(_TAG_CLASSES)


@pytest.mark.parametrize("tag", sorted(SAMPLES))
def test_the_witness_search_satisfies_every_node(tag: str) -> None:
    cond = _condition(SAMPLES[tag])
    answers = reachability.witness(CHECKLIST, cond, TODAY)
    assert answers is not None
    _, effective = visible_answers(CHECKLIST, answers, TODAY)
    assert holds(cond, effective, TODAY)


@pytest.mark.parametrize("tag", sorted(SAMPLES))
def test_the_witness_search_satisfies_the_negation_of_every_node(tag: str) -> None:
    cond = _condition({"not": SAMPLES[tag]})
    answers = reachability.witness(CHECKLIST, cond, TODAY)
    assert answers is not None
    assert holds(cond, visible_answers(CHECKLIST, answers, TODAY)[1], TODAY)


def test_a_contradiction_has_no_witness() -> None:
    cond = _condition({"all": [{"equals": {"question": "yn", "value": "yes"}},
                               {"equals": {"question": "yn", "value": "no"}}]})
    assert reachability.witness(CHECKLIST, cond, TODAY) is None


def test_the_shipped_checklists_are_fully_reachable(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--deep"]) == EXIT_OK
    assert "valid" in capsys.readouterr().out


def test_validate_deep_names_a_rule_that_can_never_fire(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (FIXTURES / "valid-small.yaml").read_text(encoding="utf-8")
    broken = text.replace(
        'when: {equals: {question: consent_in_life, value: "no"}}',
        'when: {all: [{equals: {question: consent_in_life, value: "no"}}, '
        '{equals: {question: consent_in_life, value: "yes"}}]}')
    assert broken != text
    path = tmp_path / "never.yaml"
    path.write_text(broken, encoding="utf-8")
    assert main(["validate", str(path)]) == EXIT_OK  # the quick check cannot see it
    capsys.readouterr()
    assert main(["validate", "--deep", str(path)]) == EXIT_INVALID
    err = capsys.readouterr().err
    line = next(i for i, row in enumerate(broken.splitlines(), 1) if "consent_in_life, value: \"yes\"" in row)
    assert f"never.yaml:{line}: rules[forbidden_in_life].when: no answers make the rule 'forbidden_in_life' fire" \
        in err
