"""Assessment format upgrades: version 1 files (with the old "legal standing") open as version 2, losing nothing
else; a version newer than the code is refused."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from vigil.assessment_file import AssessmentFileError, parse_assessment, to_json
from vigil.catalog import load_catalog
from vigil.models.assessment import FORMAT_VERSION
from vigil.store.schema import load
from vigil.upgrade import NewerFormatError, upgrade

ROOT = Path(__file__).resolve().parents[1]
V1_FILES = sorted(p for d in ("tests/scenarios", "docs") for p in (ROOT / d).rglob("*.json")
                  if json.loads(p.read_text(encoding="utf-8")).get("format") == "vigil-assessment")


def _v1(**people_values: Any) -> dict[str, Any]:
    return {
        "format": "vigil-assessment",
        "format_version": 1,
        "id": "abc",
        "revision": 3,
        "checklist": {"id": "memorial_media", "version": "2026.11"},
        "meta": {"title": "Für Oma", "assessor": "Ana", "language": "de",
                 "created": "2026-11-01T10:00:00Z", "updated": "2026-11-02T10:00:00Z"},
        "answers": {
            "person_name": {"text": "Hilde", "note": "a note that must survive"},
            "people": {"people": [
                {"id": "p1", "values": {"name": "Renate", "relation": "spouse_partner", "standing": "consent_required",
                                        "position": "agrees", "scope": "family only", "recorded": "written",
                                        "date": "2026-10-01"}},
                {"id": "p2", "values": {"name": "Estate Ltd", "relation": "heir_estate", "standing": "heir",
                                        "position": "not_asked"}},
                {"id": "p3", "values": {"name": "Agency", "relation": "licensee_agency",
                                        "standing": "rights_holder", "position": "agrees"}},
                {"id": "p4", "values": {"name": "Julia", "relation": "child", "standing": "heir",
                                        "position": "undecided", **people_values}},
                {"id": "p5", "values": {"name": "Max", "relation": "sibling", "standing": "unknown",
                                        "position": "objects"}},
            ], "note": "register note",
                "evidence": [{"file_name": "consent.pdf", "sha256": "a" * 64, "date": "2026-10-01"}]},
        },
        "open_items": {"died": {"question_id": "died", "what": "ask the registry", "who": "Ana",
                                "due": "2026-12-24", "done": False}},
    }


def _values(raw: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {p["id"]: p["values"] for p in raw["answers"]["people"]["people"]}


def test_standing_becomes_a_role_where_it_names_one() -> None:
    after = _values(upgrade(_v1()))
    assert after["p1"] == {"name": "Renate", "relation": "spouse", "position": "agrees", "scope": "family only",
                           "recorded": "written", "date": "2026-10-01"}
    assert after["p2"] == {"name": "Estate Ltd", "relation": "other", "roles": ["heir"], "position": "not_asked"}
    assert after["p3"] == {"name": "Agency", "relation": "other", "roles": ["licence_holder"], "position": "agrees"}
    assert after["p4"] == {"name": "Julia", "relation": "child", "roles": ["heir"], "position": "undecided"}
    assert after["p5"] == {"name": "Max", "relation": "sibling", "position": "objects"}


def test_nothing_else_is_lost() -> None:
    before = _v1()
    after = upgrade(copy.deepcopy(before))
    assert after["format_version"] == 2
    for key in ("id", "revision", "checklist", "meta", "open_items"):
        assert after[key] == before[key], key
    assert after["answers"]["person_name"] == before["answers"]["person_name"]
    register_before = {k: v for k, v in before["answers"]["people"].items() if k != "people"}
    register_after = {k: v for k, v in after["answers"]["people"].items() if k != "people"}
    assert register_after == register_before
    assert [p["id"] for p in after["answers"]["people"]["people"]] == ["p1", "p2", "p3", "p4", "p5"]


def test_a_version_1_file_opens_and_validates_against_the_checklist() -> None:
    assessment, _ = parse_assessment(json.dumps(_v1()).encode(), load_catalog())
    assert assessment.format_version == FORMAT_VERSION
    people = assessment.answers["people"].people or []
    assert people[1].choices("roles") == ["heir"]
    assert "standing" not in people[0].values
    # written back, it is a version 2 file that reads the same
    again, _ = parse_assessment(to_json(assessment).encode(), load_catalog())
    assert again == assessment


def test_version_2_is_left_as_it_is() -> None:
    raw = upgrade(_v1())
    assert upgrade(copy.deepcopy(raw)) == raw


def test_a_newer_version_is_refused_not_rewritten() -> None:
    with pytest.raises(NewerFormatError, match="newer Vigil"):
        upgrade({"format": "vigil-assessment", "format_version": FORMAT_VERSION + 1})
    with pytest.raises(AssessmentFileError, match=f"format version {FORMAT_VERSION + 1}"):
        parse_assessment(json.dumps({**_v1(), "format_version": FORMAT_VERSION + 1}).encode(), load_catalog())


def test_the_store_upgrades_what_it_reads() -> None:
    assessment = load(json.dumps(_v1()))
    assert assessment.format_version == FORMAT_VERSION
    assert (assessment.answers["people"].people or [])[2].choices("roles") == ["licence_holder"]
    assert load(_v1()) == assessment


@pytest.mark.parametrize("path", V1_FILES, ids=[p.name for p in V1_FILES])
def test_every_shipped_file_opens(path: Path) -> None:
    assessment, _ = parse_assessment(path.read_bytes(), load_catalog())
    for answer in assessment.answers.values():
        for person in answer.people or []:
            assert "standing" not in person.values


def _with_commissioner(relation: str, standing: dict[str, Any]) -> dict[str, Any]:
    raw = _v1()
    raw["answers"]["commissioner"] = {"choice": relation}
    raw["answers"]["commissioner_standing"] = standing
    return raw


@pytest.mark.parametrize(("relation", "standing", "roles"), [
    ("friend", "acting_for_holder", ["mandate"]),
    ("fan_or_stranger", "no_standing", ["none"]),
    ("friend", "rights_holder", ["heir"]),
])
def test_the_commissioners_standing_becomes_facts(relation: str, standing: str, roles: list[str]) -> None:
    """Version 1 asked whether the commissioner "has a legal say"; version 2 records their roles."""
    raw = upgrade(_with_commissioner(relation, {"choice": standing, "note": "kept"}))
    assert "commissioner_standing" not in raw["answers"]
    assert raw["answers"]["commissioner_roles"]["choices"] == roles
    assert raw["answers"]["commissioner_roles"]["note"] == "kept"
    assessment, _ = parse_assessment(json.dumps(_with_commissioner(relation, {"choice": standing})).encode(),
                                     load_catalog())
    assert assessment.answers["commissioner_roles"].choices == roles
    assert "commissioner_standing" not in assessment.answers


def test_a_relative_with_a_say_is_asked_for_roles_again() -> None:
    """For family the relation carries the say; the roles are a fact Vigil does not invent."""
    raw = upgrade(_with_commissioner("close_family", {"choice": "rights_holder"}))
    assert "commissioner_standing" not in raw["answers"]
    assert "commissioner_roles" not in raw["answers"]
    unsure = upgrade(_with_commissioner("close_family", {"dont_know": True, "note": "ask Julia"}))
    assert unsure["answers"]["commissioner_roles"] == {"dont_know": True, "note": "ask Julia", "choices": None}
