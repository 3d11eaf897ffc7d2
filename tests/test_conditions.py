"""vigil/models/conditions.py on its own: each node holds or not over answers, "don't know" matches no value,
the references the catalog checks, and a clear message for a malformed node."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from vigil.models.assessment import Answer, Person
from vigil.models.conditions import Condition, Op, Ref, holds, references, whole_years_between

TODAY = dt.date(2026, 11, 22)
PARSE: TypeAdapter[Condition] = TypeAdapter(Condition)


def cond(data: dict[str, Any]) -> Condition:
    return PARSE.validate_python(data)


ANSWERS = {
    "medium": Answer(choice="voice"),
    "platforms": Answer(choices=["youtube", "tiktok"]),
    "age": Answer(number=17),
    "died_on": Answer(date=dt.date(2016, 11, 23)),  # 9 whole years before TODAY, one day short of ten
    "unsure": Answer(dont_know=True, choice="yes"),  # a stale choice under "don't know" counts for nothing
    "relatives": Answer(people=[
        Person(values={"relation": "child", "roles": ["heir", "executor"]}),
        Person(values={"relation": "child", "roles": ["heir"]}),
        Person(values={"relation": "friend"}),
    ]),
}


@pytest.mark.parametrize(("data", "expected"), [
    ({"equals": {"question": "medium", "value": "voice"}}, True),
    ({"equals": {"question": "medium", "value": "photo"}}, False),
    ({"equals": {"question": "platforms", "value": "tiktok"}}, True),
    ({"equals": {"question": "unsure", "value": "yes"}}, False),
    ({"equals": {"question": "missing", "value": "yes"}}, False),
    ({"in": {"question": "medium", "values": ["photo", "voice"]}}, True),
    ({"in": {"question": "platforms", "values": ["instagram"]}}, False),
    ({"answered": "age"}, True),
    ({"answered": "unsure"}, False),
    ({"dont_know": "unsure"}, True),
    ({"dont_know": "age"}, False),
    ({"number": {"question": "age", "op": "lt", "value": 18}}, True),
    ({"number": {"question": "age", "op": "ge", "value": 18}}, False),
    ({"number": {"question": "medium", "op": "lt", "value": 18}}, False),
    ({"years_since": {"question": "died_on", "op": "lt", "value": 10}}, True),
    ({"years_since": {"question": "died_on", "op": "ge", "value": 10}}, False),
    ({"count_people": {"question": "relatives", "where": [{"field": "relation", "in": ["child"]}],
                       "op": "eq", "value": 2}}, True),
    ({"count_people": {"question": "relatives", "where": [{"field": "roles", "in": ["executor"]}]}}, True),
    ({"count_people": {"question": "relatives", "where": [{"field": "roles", "in": ["licence_holder"]}]}}, False),
    ({"count_people": {"question": "nobody", "op": "eq", "value": 0}}, True),
    ({"all": [{"answered": "age"}, {"dont_know": "unsure"}]}, True),
    ({"all": [{"answered": "age"}, {"answered": "unsure"}]}, False),
    ({"any": [{"answered": "unsure"}, {"answered": "medium"}]}, True),
    ({"any": [{"answered": "unsure"}, {"answered": "missing"}]}, False),
    ({"not": {"answered": "missing"}}, True),
])
def test_holds(data: dict[str, Any], expected: bool) -> None:
    assert holds(cond(data), ANSWERS, TODAY) is expected


@pytest.mark.parametrize(("start", "end", "years"), [
    (dt.date(2000, 5, 17), dt.date(2010, 5, 17), 10),
    (dt.date(2000, 5, 17), dt.date(2010, 5, 16), 9),
    (dt.date(2000, 2, 29), dt.date(2001, 2, 28), 0),
    (dt.date(2000, 2, 29), dt.date(2001, 3, 1), 1),
])
def test_whole_years_between(start: dt.date, end: dt.date, years: int) -> None:
    assert whole_years_between(start, end) == years


def test_every_op_applies() -> None:
    assert [op.value for op in Op if op.apply(1, 2)] == ["lt", "le", "ne"]


def test_references_name_every_question_with_its_path() -> None:
    tree = cond({"all": [
        {"equals": {"question": "medium", "value": "voice"}},
        {"not": {"count_people": {"question": "relatives", "where": [{"field": "relation", "in": ["child"]}]}}},
    ]})
    assert list(references(tree)) == [
        Ref("medium", "choice", ("voice",), path=("all", 0, "equals")),
        Ref("relatives", "people", path=("all", 1, "not", "count_people")),
        Ref("relatives", "people", ("child",), "relation", ("all", 1, "not", "count_people", "where", 0)),
    ]


@pytest.mark.parametrize("data", [
    {"equals": {"question": "a", "value": "x"}, "answered": "b"},
    {"maybe": "a"},
])
def test_a_malformed_node_names_the_keys_it_may_have(data: dict[str, Any]) -> None:
    with pytest.raises(ValidationError, match="exactly one of the keys: all, any, not, equals"):
        cond(data)
