"""The law section of every shipped checklist: dated, sourced, and checked like the rest of the file."""

from __future__ import annotations

import copy
from functools import cache
from typing import Any

import pytest
from ruamel.yaml import YAML

from vigil.catalog import check_file, checklist_files, default_directory, load_catalog
from vigil.crosscheck import CrossChecker
from vigil.models.checklist import Checklist
from vigil.models.law import Effect

LAW_AS_OF = "2026-12-01"
MAIN = next(p for p in checklist_files(default_directory()) if p.name == "memorial-media.yaml")


def test_every_law_entry_is_dated_sourced_and_belongs_to_a_jurisdiction_note() -> None:
    for c in load_catalog().latest():
        if c.law is None:
            continue
        assert c.law.as_of == c.law_as_of
        assert c.law_as_of.isoformat() == LAW_AS_OF
        notes = {j.id: j for j in c.jurisdictions}
        sources = {s.id for s in c.sources}
        for entry in [*c.law.rights, *c.law.duties]:
            assert entry.as_of <= c.law_as_of, entry.id
            assert entry.sources and set(entry.sources) <= sources, entry.id
            assert entry.jurisdiction in notes, entry.id
        for note in c.jurisdictions:
            assert note.as_of <= c.law_as_of, note.id


def test_the_fact_checked_rights_are_encoded() -> None:
    law = next(c for c in load_catalog().latest() if c.id == "memorial_media").law
    assert law is not None
    rights = {r.id: r for r in law.rights}
    assert rights["de_kug_22"].term.years_after_death == 10
    assert [t.relations for t in rights["de_kug_22"].holders] == [["spouse", "registered_partner", "child"],
                                                                   ["parent"]]
    assert rights["cn_994"].holders[0].relations == ["spouse", "child", "parent"]
    assert rights["it_l633_93_96"].term.years_after_death is None
    assert [t.relations for t in rights["it_l633_93_96"].holders][2] == ["sibling"]
    assert rights["es_lo_1_1982"].term.years_after_death == 80
    assert [t.relations for t in rights["ua_cc_308"].holders][1] == ["parent", "sibling"]
    assert rights["ru_152_1"].aspects == ["image"]
    assert rights["us_tn_elvis"].term.continues_while_used and rights["us_tn_elvis"].term.years_after_death == 10
    assert rights["us_ny_50f"].term.deaths_from is not None and rights["us_ny_50f"].term.years_after_death == 40
    assert rights["us_ca_3344_1"].applies_if is not None  # deceased personalities only
    assert rights["at_urhg_78"].effect == Effect.objection and not rights["at_urhg_78"].ranked
    assert any(d.id == "eu_ai_act_50_4" for d in law.duties)


@cache
def _load() -> dict[str, Any]:
    data: dict[str, Any] = YAML(typ="safe").load(MAIN.read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize(("change", "message"), [
    (lambda r: r["holders"][0]["relations"].append("cousin"), "has no option 'cousin'"),
    (lambda r: r["holders"][0].update(roles=["godparent"]), "has no option 'godparent'"),
    (lambda r: r.update(places=["atlantis"]), "'atlantis' is not a place option"),
    (lambda r: r.update(sources=["nowhere"]), "no source 'nowhere'"),
    (lambda r: r.update(jurisdiction="xx"), "no jurisdiction 'xx'"),
    (lambda r: r.update(applies_if={"equals": {"question": "no_such_question", "value": "x"}}),
     "no question 'no_such_question'"),
    (lambda r: r.update(rule={"en": "only English"}), "the 'de' text is missing"),
])
def test_a_broken_law_entry_is_reported_where_it_is(change: Any, message: str) -> None:
    data = copy.deepcopy(_load())
    change(data["law"]["rights"][0])
    problems = CrossChecker(Checklist.model_validate(data)).run()
    assert any(message in text and loc[:3] == ("law", "rights", 0) for loc, text, _ in problems), problems


def test_the_shipped_file_has_no_problems() -> None:
    _, problems = check_file(MAIN)
    assert problems == []
