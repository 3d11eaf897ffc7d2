"""vigil/crosscheck.py on its own: the checks between items, each reported at its path in the file (the
catalog's tests, tests/test_catalog.py, check the same through YAML files and line numbers)."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

from tests.support.tiny import TINY
from vigil.crosscheck import CrossChecker, ProblemKind
from vigil.models.checklist import Checklist
from vigil.models.common import Loc

Edit = Callable[[dict[str, Any]], None]


def problems(edit: Edit | None = None) -> list[tuple[Loc, str, ProblemKind]]:
    data = copy.deepcopy(TINY)
    if edit is not None:
        edit(data)
    return CrossChecker(Checklist.model_validate(data)).run()


def question(data: dict[str, Any], section: int, index: int) -> dict[str, Any]:
    q: dict[str, Any] = data["sections"][section]["questions"][index]
    return q


def test_the_tiny_checklist_fits_together() -> None:
    assert problems() == []


def _twice(d: dict[str, Any]) -> None:
    d["rules"][1]["id"] = "forbidden"


def _one_option(d: dict[str, Any]) -> None:
    question(d, 0, 0)["options"] = question(d, 0, 0)["options"][:1]


def _yes_no_options(d: dict[str, Any]) -> None:
    question(d, 1, 2)["options"] = [{"id": "maybe", "label": {"en": "Maybe", "de": "Vielleicht"}}]


def _later(d: dict[str, Any]) -> None:
    question(d, 0, 1)["visible_if"] = {"answered": "platforms"}


def _wrong_kind(d: dict[str, Any]) -> None:
    d["rules"][3]["when"] = {"number": {"question": "medium", "op": "lt", "value": 18}}


def _no_option(d: dict[str, Any]) -> None:
    d["rules"][0]["when"] = {"equals": {"question": "forbade", "value": "perhaps"}}


def _no_field(d: dict[str, Any]) -> None:
    d["rules"][1]["when"]["count_people"]["where"][0]["field"] = "mood"


def _min_on_text(d: dict[str, Any]) -> None:
    question(d, 0, 1)["min"] = 3


def _register_without_fields(d: dict[str, Any]) -> None:
    question(d, 2, 0)["fields"] = []


def _fields_on_text(d: dict[str, Any]) -> None:
    question(d, 0, 1)["fields"] = copy.deepcopy(question(d, 2, 0)["fields"])


def _german_missing(d: dict[str, Any]) -> None:
    d["rules"][0]["action"] = {"en": "Do not make it."}


def _unknown_source(d: dict[str, Any]) -> None:
    d["rules"][0]["sources"] = ["s9"]


@pytest.mark.parametrize(("edit", "loc", "message", "kind"), [
    (_twice, ("rules", 1, "id"), "the rule id 'forbidden' is used twice", "reference"),
    (_one_option, ("sections", 0, "questions", 0, "options"), "a single_choice question needs at least two",
     "reference"),
    (_yes_no_options, ("sections", 1, "questions", 2, "options"), "a yes_no question takes no options (yes, no",
     "reference"),
    (_later, ("sections", 0, "questions", 1, "visible_if", "answered"),
     "visible_if may only name questions asked before this one", "reference"),
    (_wrong_kind, ("rules", 3, "when", "number"), "'medium' is a single_choice question; this condition needs number",
     "reference"),
    (_no_option, ("rules", 0, "when", "equals"), "'forbade' has no option 'perhaps'", "reference"),
    (_no_field, ("rules", 1, "when", "count_people", "where", 0), "the register 'relatives' has no field 'mood'",
     "reference"),
    (_min_on_text, ("sections", 0, "questions", 1, "min"), "min and max apply to number questions only",
     "reference"),
    (_register_without_fields, ("sections", 2, "questions", 0, "fields"), "a people register needs its fields",
     "reference"),
    (_fields_on_text, ("sections", 0, "questions", 1, "fields"), "only a people register has fields", "reference"),
    (_german_missing, ("rules", 0, "action"), "the 'de' text is missing", "translation"),
    (_unknown_source, ("rules", 0, "sources", 0), "no source 's9' in this checklist", "reference"),
])
def test_each_misfit_is_reported_at_its_path(edit: Edit, loc: tuple[str | int, ...], message: str,
                                            kind: str) -> None:
    found = problems(edit)
    assert [(lo, k) for lo, m, k in found if m.startswith(message)] == [(loc, kind)], found
