"""Reading and writing the assessment file: every bad file gets one clear line, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support.strategies import assessments_for
from tests.support.tiny import assessment, complete_fine, tiny_checklist
from vigil.assessment_file import (
    MAX_FILE_BYTES,
    AssessmentFileError,
    fingerprint,
    parse_assessment,
    read_assessment,
    to_json,
)
from vigil.catalog import Catalog
from vigil.models.assessment import Answer, Assessment

CHECKLIST = tiny_checklist()
CATALOG = Catalog({(CHECKLIST.id, CHECKLIST.version): CHECKLIST})


def good() -> Assessment:
    a = assessment(**complete_fine())
    a.meta.title = "Für Oma — *bold* #read(\"/etc/passwd\") <script>"
    return a


def test_round_trip() -> None:
    a = good()
    parsed, checklist = parse_assessment(to_json(a).encode(), CATALOG)
    assert parsed == a
    assert checklist is CHECKLIST


def test_fingerprint_is_stable_and_sensitive() -> None:
    a = good()
    assert fingerprint(a) == fingerprint(Assessment.model_validate_json(to_json(a)))
    b = a.model_copy(deep=True)
    b.answers["age_at_death"] = Answer(number=81)
    assert fingerprint(a) != fingerprint(b)
    assert len(fingerprint(a)) == 64


def _raw(**changes: object) -> bytes:
    data = json.loads(to_json(good()))
    data.update(changes)
    return json.dumps(data).encode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"{not json", "not valid JSON (line 1, column 2"),
        (b"\xff\xfe\x00garbage", "not UTF-8"),
        (b"[1, 2]", "expected an object"),
        (b'{"hello": "world"}', 'its "format" is missing'),
        (_raw(format="deon-checklist"), "not a Vigil assessment file"),
        (_raw(format_version=7), "newer Vigil (format version 7)"),
        (_raw(checklist={"id": "other", "version": "1"}), "checklist 'other', which this Vigil does not have"),
        (_raw(checklist={"id": "tiny", "version": "2030.1"}), "version 2030.1 of the checklist 'tiny'"),
        (_raw(answers={"medium": {"choice": 5}}), "not valid at answers.medium.choice"),
        (_raw(answers={"nonsense": {"choice": "x"}}), "answers.nonsense: the checklist has no such question"),
        (_raw(answers={"medium": {"choice": "hologram"}}), "'hologram' is not one of its options"),
        (_raw(answers={"medium": {"text": "photo"}}), "takes 'choice', not 'text'"),
        (_raw(answers={"age_at_death": {"number": 500}}), "above the maximum 130"),
        (_raw(answers={"relatives": {"people": [{"values": {"position": "maybe"}}]}}),
         "'maybe' is not an option of field 'position'"),
        (b"[" * 100_000, "nested too deeply"),
        (b" " * (MAX_FILE_BYTES + 1), "at most 2 MB"),
    ],
)
def test_bad_files_get_one_clear_line(data: bytes, message: str) -> None:
    with pytest.raises(AssessmentFileError) as err:
        parse_assessment(data, CATALOG)
    text = str(err.value)
    assert message in text
    assert "\n" not in text
    assert "Traceback" not in text


def test_read_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(AssessmentFileError, match="there is no file"):
        read_assessment(tmp_path / "nope.json", CATALOG)
    with pytest.raises(AssessmentFileError, match="is a folder"):
        read_assessment(tmp_path, CATALOG)
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (MAX_FILE_BYTES + 10))
    with pytest.raises(AssessmentFileError, match="at most 2 MB"):
        read_assessment(big, CATALOG)


@settings(max_examples=50, deadline=None)
@given(assessments_for(CHECKLIST))
def test_any_valid_assessment_round_trips(a: Assessment) -> None:
    parsed, _ = parse_assessment(to_json(a).encode(), CATALOG)
    assert parsed == a


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000) | st.text(max_size=400).map(str.encode))
def test_random_bytes_never_crash(data: bytes) -> None:
    try:
        parse_assessment(data, CATALOG)
    except AssessmentFileError as exc:
        assert str(exc) and "\n" not in str(exc)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_mutated_files_never_crash(data: st.DataObject) -> None:
    text = to_json(good())
    pos = data.draw(st.integers(min_value=0, max_value=len(text) - 1))
    cut = data.draw(st.integers(min_value=0, max_value=20))
    insert = data.draw(st.text(max_size=10))
    mutated = (text[:pos] + insert + text[pos + cut:]).encode()
    try:
        parse_assessment(mutated, CATALOG)
    except AssessmentFileError as exc:
        assert str(exc) and "\n" not in str(exc)


def test_hostile_keys_stay_one_line() -> None:
    with pytest.raises(AssessmentFileError) as err:
        parse_assessment(_raw(answers={"x\nTraceback\r\n" + "y" * 1000: {"choice": "a"}}), CATALOG)
    assert "\n" not in str(err.value) and len(str(err.value)) <= 300


def test_nul_characters_are_dropped_from_text_not_stored() -> None:
    a = good()
    a.meta.title = "Oma\x00 Grete"
    a.answers["medium"] = Answer(choice="photo", note="pasted\x00 note")
    parsed, _ = parse_assessment(to_json(a).encode(), CATALOG)
    assert parsed.meta.title == "Oma Grete"
    assert parsed.answers["medium"].note == "pasted note"
