"""The `vigil` command line: in process (``vigil.cli.main``), and a few runs in a subprocess as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.cli import vigil, vigil_subprocess
from tests.support.tiny import TINY
from vigil.models.assessment import Answer, Assessment, ChecklistPin

ROOT = Path(__file__).resolve().parent.parent
VALID = ROOT / "tests" / "fixtures" / "valid-small.yaml"


@pytest.fixture
def tiny_dir(tmp_path: Path) -> Path:
    """A checklist folder holding only the tiny checklist (as YAML), so assess tests don't move with content."""
    from ruamel.yaml import YAML

    folder = tmp_path / "checklists"
    folder.mkdir()
    with (folder / "tiny.yaml").open("w", encoding="utf-8") as fh:
        YAML(typ="safe").dump(TINY, fh)
    return folder


def test_validate_shipped_checklists() -> None:
    result = vigil_subprocess("validate")
    assert result.returncode == 0, result.stderr
    assert "valid" in result.stdout


def test_validate_json_summary_has_exactly_the_documented_keys() -> None:
    result = vigil("validate", "--json", str(VALID))
    assert result.returncode == 0, result.stderr
    [summary] = json.loads(result.stdout)["checklists"]
    assert set(summary) == {"id", "version", "languages", "missing_translations", "dimensions", "sections",
                            "questions", "questions_with_rationale", "questions_with_sources", "rules",
                            "jurisdictions", "examples", "sources", "law_as_of", "law"}
    assert set(summary["rules"]) == {"blocker", "serious", "caution", "info"}
    assert summary["questions"] == 3
    assert summary["rules"]["blocker"] == 2
    assert summary["jurisdictions"] == ["de"]
    assert summary["missing_translations"] == 0


def test_validate_json_shows_the_law_as_of_date() -> None:
    result = vigil("validate", "--json")
    assert result.returncode == 0, result.stderr
    [summary] = json.loads(result.stdout)["checklists"]
    assert summary["law_as_of"] == "2026-12-01"
    assert summary["law"]["as_of"] == "2026-12-01"
    assert {"de_kug_22", "it_l633_93_96", "us_ny_50f"} <= set(summary["law"]["rights"])
    assert summary["law"]["rights"]["cn_994"]["unverified"] is True


def test_assess_json_says_per_person_who_must_agree_and_why() -> None:
    scenario = ROOT / "tests" / "scenarios" / "political-ad-dead-politician.json"
    result = vigil("assess", str(scenario), "--format", "json", "--today", "2026-12-01")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["cause"]["id"] == "consent_refused"
    assert out["next"] and out["cause"] not in out["next"]
    people = {p["name"]: p for p in out["consent"]}
    son = people["Jonas Öztürk"]
    assert (son["need"], son["position"]) == ("required", "objects")
    assert son["basis"][0]["right"] == "de_kug_22" and son["basis"][0]["citation"] == "KUG § 22"
    assert son["basis"][0]["sources"] == ["kug_22", "lg_frankfurt_whatsapp"] and son["basis"][0]["as_of"] == "2026-12-01"
    assert [r["right"] for r in out["rights"]] == ["de_kug_22"]
    assert "Jonas Öztürk (child) has said no" in out["rights"][0]["reason"]


def test_validate_reports_located_problems_and_exit_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(VALID.read_text(encoding="utf-8").replace("title: {en: Relatives, de: Angehörige}",
                                                             "title: {en: Relatives}"), encoding="utf-8")
    result = vigil("validate", str(bad))
    assert result.returncode == 1
    assert f"{bad}:" in result.stderr
    assert "sections[relatives].title: the 'de' text is missing" in result.stderr
    summary = json.loads(vigil("validate", "--json", str(bad)).stdout)["checklists"][0]
    assert summary["missing_translations"] == 1


def test_validate_missing_path() -> None:
    result = vigil_subprocess("validate", "does/not/exist.yaml")
    assert result.returncode == 2
    assert result.stderr.strip() == "vigil: there is no file or folder 'does/not/exist.yaml'"


def _write(tmp_path: Path, a: Assessment) -> Path:
    path = tmp_path / "a.json"
    path.write_text(a.model_dump_json(), encoding="utf-8")
    return path


def test_assess_json(tmp_path: Path, tiny_dir: Path) -> None:
    a = Assessment(checklist=ChecklistPin(id="tiny", version="2026.1"), answers={
        "medium": Answer(choice="voice"), "age_at_death": Answer(number=70), "consent": Answer(dont_know=True),
        "forbade": Answer(choice="no"),
    })
    result = vigil("assess", str(_write(tmp_path, a)), "--format", "json", "--today", "2026-11-22",
                   env={"VIGIL_CHECKLISTS": str(tiny_dir)})
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["verdict"] == "resolve_first"
    assert {r["id"] for r in out["reasons"]} == {"unknown.consent", "incomplete"}
    assert out["dimensions"]["media"] == "proceed_with_conditions"
    assert {f["id"] for f in out["findings"]} >= {"label_voice", "unknown.consent"}
    assert all(set(f) >= {"id", "severity", "dimension", "message", "action"} for f in out["findings"])
    assert [o["question_id"] for o in out["open_items"]] == ["consent"]
    assert out["progress"] == pytest.approx(4 / 5)


def test_assess_text_in_german(tmp_path: Path, tiny_dir: Path) -> None:
    a = Assessment(checklist=ChecklistPin(id="tiny", version="2026.1"), answers={"forbade": Answer(choice="yes")})
    result = vigil("assess", str(_write(tmp_path, a)), "--lang", "de", env={"VIGIL_CHECKLISTS": str(tiny_dir)})
    assert result.returncode == 0, result.stderr
    assert "Ergebnis: Nicht umsetzen" in result.stdout
    assert "DE: The person forbade it." in result.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{broken", "is not valid JSON"),
        ('{"format": "something-else"}', "not a Vigil assessment file"),
        ('{"format": "vigil-assessment", "format_version": 99}', "newer Vigil"),
    ],
)
def test_assess_bad_file_one_line_exit_2(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "x.json"
    path.write_text(content, encoding="utf-8")
    result = vigil("assess", str(path))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0]
    assert lines[0].startswith("vigil: ")


def test_assess_missing_file() -> None:
    result = vigil("assess", "nowhere.json")
    assert result.returncode == 2
    assert "there is no file" in result.stderr


@pytest.mark.parametrize("kind", ["checklist", "assessment"])
def test_schema(kind: str) -> None:
    result = vigil("schema", kind)
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"].startswith("https://json-schema.org/")
    props = schema["properties"]
    assert ("sections" in props) if kind == "checklist" else ("answers" in props)
