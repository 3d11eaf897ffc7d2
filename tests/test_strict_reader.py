"""The strict reader: what Python's json and a lenient model let through gets one line in our own words.

Each bad file is refused by ``parse_assessment`` (used by the command line, the app's import box and, through
the same model, the store) and by ``vigil assess`` with one line on stderr and exit code 2.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.support.tiny import TINY, _q, complete_fine
from vigil.assessment_file import AssessmentFileError, parse_assessment, to_json
from vigil.catalog import Catalog
from vigil.models.assessment import Answer, Assessment, ChecklistPin, Person
from vigil.models.checklist import Checklist
from vigil.models.limits import PEOPLE_MAX, TEXT_TOTAL_MAX

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 12, 2)


def dated_checklist() -> dict[str, Any]:
    """The tiny checklist with a date of birth, and document bindings naming the born/died questions."""
    data = copy.deepcopy(TINY)
    person = next(s for s in data["sections"] if s["id"] == "person")
    person["questions"].insert(0, _q("born_on", "date", "wishes", required=False))
    data["documents"] = {"born": "born_on", "died": "died_on"}
    return data


CHECKLIST = Checklist.model_validate(dated_checklist())
CATALOG = Catalog({(CHECKLIST.id, CHECKLIST.version): CHECKLIST})


def _good() -> Assessment:
    answers = complete_fine()
    answers["born_on"] = Answer(date=dt.date(1940, 3, 1))
    answers["died_on"] = Answer(date=dt.date(2020, 5, 4))
    return Assessment(checklist=ChecklistPin(id="tiny", version="2026.1"), answers=answers)


GOOD = _good()


def good_text() -> str:
    return to_json(GOOD)


def as_dict() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(good_text())
    return data


def changed(change: Callable[[dict[str, Any]], None]) -> bytes:
    data = as_dict()
    change(data)
    return json.dumps(data).encode()  # ensure_ascii: a lone surrogate stays a \ud800 escape


def replaced(old: str, new: str) -> bytes:
    text = good_text()
    assert old in text
    return text.replace(old, new, 1).encode()


def _people(n: int) -> Callable[[dict[str, Any]], None]:
    def change(d: dict[str, Any]) -> None:
        d["answers"]["relatives"]["people"] = [{"id": f"p{i}", "values": {}} for i in range(n)]
    return change


def _set(path: str, value: object) -> Callable[[dict[str, Any]], None]:
    def change(d: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        for p in parents:
            d = d[p]
        d[last] = value
    return change


BAD: dict[str, tuple[bytes, str]] = {
    "nan": (replaced('"number": 80.0', '"number": NaN'), "holds NaN, which is not a number"),
    "infinity": (replaced('"number": 80.0', '"number": Infinity'), "holds Infinity"),
    "minus_infinity": (replaced('"number": 80.0', '"number": -Infinity'), "holds -Infinity"),
    "huge_float": (replaced('"number": 80.0', '"number": 1e999'), "too large"),
    "huge_integer": (replaced('"number": 80.0', '"number": ' + "9" * 5000), "a number with 5,000 digits"),
    "lone_surrogate": (changed(_set("meta.title", "Oma \ud800")), "meta.title holds a broken character"),
    "lone_surrogate_in_key": (changed(_set("answers.\udfff", {})), "broken character"),
    "duplicate_key": (replaced('"format": "vigil-assessment"',
                               '"format": "vigil-assessment", "format": "vigil-assessment"'),
                      "the key 'format' appears twice"),
    "duplicate_person_id": (changed(_set("answers.relatives.people", [{"id": "p1", "values": {}},
                                                                       {"id": "p1", "values": {}}])),
                            "two people have the id 'p1'"),
    "duplicate_choice": (changed(_set("answers.platforms", {"choices": ["youtube", "youtube"]})),
                         "the choice 'youtube' is given twice"),
    "format_version_true": (changed(_set("format_version", True)), "must be a whole number from 1 to"),
    "format_version_string": (changed(_set("format_version", "1")), "must be a whole number from 1 to"),
    "format_version_zero": (changed(_set("format_version", 0)), "must be a whole number from 1 to"),
    "format_version_negative": (changed(_set("format_version", -1)), "must be a whole number from 1 to"),
    "format_version_float": (changed(_set("format_version", 1.0)), "must be a whole number from 1 to"),
    "byte_order_mark": (b"\xef\xbb\xbf" + good_text().encode(), "byte-order mark (BOM)"),
    "death_before_birth": (changed(_set("answers.died_on.date", "1930-01-01")),
                           "the date of death 1930-01-01 is before the date of birth 1940-03-01"),
    "death_in_future": (changed(_set("answers.died_on.date", "2099-01-01")),
                        "the date of death 2099-01-01 is in the future"),
    "birth_in_future": (changed(_set("answers.born_on.date", "2099-01-01")),
                        "the date of birth 2099-01-01 is in the future"),
    "too_many_people": (changed(_people(PEOPLE_MAX + 1)), f"lists {PEOPLE_MAX + 1} people"),
    "twenty_thousand_people": (changed(_people(20_000)), "lists 20,000 people"),
    "too_much_text": (changed(_set("meta.title", "x" * (TEXT_TOTAL_MAX + 1))), "characters of text"),
    "unassigned_code_point": (changed(_set("meta.title", "Oma \u0378")), "meta.title: holds U+0378"),
    "unassigned_in_a_name": (changed(_set("answers.relatives.people", [{"id": "p1", "values": {"name": "Lo\u0378"}}])),
                             "at answers.relatives.people.0.values.name: holds U+0378"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_the_reader_refuses_with_one_line(name: str) -> None:
    data, message = BAD[name]
    with pytest.raises(AssessmentFileError) as err:
        parse_assessment(data, CATALOG)
    text = str(err.value)
    assert message in text
    assert "\n" not in text


def test_the_good_file_and_the_limits_themselves_pass() -> None:
    parsed, _ = parse_assessment(good_text().encode(), CATALOG, TODAY)
    assert parsed == GOOD
    parse_assessment(changed(_people(PEOPLE_MAX)), CATALOG, TODAY)
    parse_assessment(changed(_set("answers.died_on.date", TODAY.isoformat())), CATALOG, TODAY)


def test_invisible_format_characters_are_removed_at_input() -> None:
    parsed, _ = parse_assessment(changed(_set("meta.title", "\ufeffOma\u200b Grete\u2060")), CATALOG, TODAY)
    assert parsed.meta.title == "Oma Grete"
    assert Person(values={"name": "\ufeffLotte"}).values["name"] == "Lotte"
    # joiners and direction marks carry meaning (Persian, emoji, right-to-left text) and stay
    kept = "می\u200cخواهم 👩\u200d👩 \u200fشالوم"
    assert Answer(text=kept).text == kept


@pytest.fixture(scope="module")
def dated_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("checklists")
    (folder / "tiny.yaml").write_text(json.dumps(dated_checklist()), encoding="utf-8")  # JSON is YAML
    return folder


CLI_CASES = ["nan", "huge_integer", "lone_surrogate", "duplicate_key", "duplicate_person_id", "duplicate_choice",
             "format_version_true", "format_version_string", "format_version_zero", "format_version_negative",
             "byte_order_mark", "death_before_birth", "death_in_future", "twenty_thousand_people"]


@pytest.mark.parametrize("name", CLI_CASES)
def test_the_command_line_says_one_line_and_exits_2(name: str, dated_dir: Path, tmp_path: Path) -> None:
    data, message = BAD[name]
    path = tmp_path / "in.json"
    path.write_bytes(data)
    result = subprocess.run([sys.executable, "-m", "vigil", "assess", str(path)], capture_output=True, text=True,
                            cwd=ROOT, env={**os.environ, "VIGIL_CHECKLISTS": str(dated_dir)}, timeout=120)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("vigil: "), result.stderr
    assert message in lines[0]
    assert result.stdout == ""


def test_the_schema_states_the_limits() -> None:
    from vigil.models.limits import LONG_TEXT_MAX, SHORT_TEXT_MAX

    schema = Assessment.model_json_schema()
    assert schema["x-vigil-limits"]["people"] == PEOPLE_MAX
    assert schema["x-vigil-limits"]["text_total"] == TEXT_TOTAL_MAX
    assert f"at most {PEOPLE_MAX} people" in schema["description"]
    meta = schema["$defs"]["Meta"]["properties"]
    assert meta["title"]["maxLength"] == SHORT_TEXT_MAX
    answer = schema["$defs"]["Answer"]["properties"]
    assert answer["note"]["maxLength"] == LONG_TEXT_MAX
    assert answer["people"]["maxItems"] == PEOPLE_MAX
    assert schema["properties"]["format_version"]["maximum"] >= 1
