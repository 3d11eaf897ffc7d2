"""`vigil consent-record` exits 0 on an intact record and 1 naming the first bad entry; the link index."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.consent.test_actions import NOW, SCENARIOS, WEEK, _answer
from vigil.assessment_file import parse_assessment, to_json
from vigil.catalog import load_catalog
from vigil.cli import main
from vigil.consent_actions import create_link, record_answer, token_hash
from vigil.models.consent_record import Anchor, Response
from vigil.store.links import LinkIndex, LinkTarget
from vigil.store.sql import open_store


@pytest.fixture
def record_file(tmp_path: Path) -> Path:
    catalog = load_catalog()
    a, checklist = parse_assessment((SCENARIOS / "documentary-voice-widow-not-asked.json").read_bytes(), catalog)
    people = a.answers["people"].people or []
    for person in people:
        a, link, _ = create_link(checklist, a, person.id, "en", WEEK, NOW)
        answer, shown = _answer(checklist, a, Response.agrees_in_part, agreed=["likeness"])
        answer = answer.model_copy(update={"question": "\x1b[31mred\x1b[0m \u202eevil\nThe record is intact"})
        a = record_answer(checklist, a, link, answer, shown, NOW)  # type: ignore[arg-type]
    path = tmp_path / "a.json"
    path.write_text(to_json(a), encoding="utf-8")
    return path


def test_an_intact_record_is_printed_and_exits_0(record_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["consent-record", str(record_file)]) == 0
    out = capsys.readouterr().out
    assert "4 entries" in out and "The record is intact" in out
    assert "Katrin" in out
    assert "\x1b" not in out and "\u202e" not in out and "\\x1b[31mred" in out and "\\u202eevil" in out
    assert "evil\\nThe record is intact" in out  # a newline in a question cannot start a line that reads as ours
    assert [line for line in out.splitlines() if line.startswith("The record is intact")] == out.splitlines()[-1:]
    assert "signed" in out and "by " in out


def test_the_record_speaks_german(record_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["consent-record", str(record_file), "--lang", "de"]) == 0
    out = capsys.readouterr().out
    assert "Frage „" in out and "unterschrieben „" in out and " von " in out and "Hash " in out
    assert not any(f" {word} " in out for word in ("by", "for", "signed", "question", "until", "hash"))


def test_a_changed_entry_exits_1_naming_it(record_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = json.loads(record_file.read_text())
    doc["consent_record"]["entries"][3]["answer"]["agreed"] = ["likeness", "voice"]
    record_file.write_text(json.dumps(doc))
    assert main(["consent-record", str(record_file), "--lang", "de"]) == 1
    assert "Eintrag 4 wurde nachträglich verändert" in capsys.readouterr().out


def test_a_removed_entry_exits_1_naming_it(record_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = json.loads(record_file.read_text())
    del doc["consent_record"]["entries"][1]
    record_file.write_text(json.dumps(doc))
    assert main(["consent-record", str(record_file)]) == 1
    assert "entry 2 does not follow" in capsys.readouterr().out


def test_entries_cut_from_the_end_are_caught_with_a_receipts_hash(record_file: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    doc = json.loads(record_file.read_text())
    last = doc["consent_record"]["entries"][-1]["hash"]
    del doc["consent_record"]["entries"][-1]
    record_file.write_text(json.dumps(doc))
    assert main(["consent-record", str(record_file)]) == 0
    assert main(["consent-record", str(record_file), "--expect", last]) == 1
    assert "is not in this record" in capsys.readouterr().out


def test_the_link_index_finds_a_link_by_its_tokens_hash_only() -> None:
    store = open_store("sqlite://")
    index = LinkIndex(store.engine)
    index.add(token_hash("secret-token"), LinkTarget("a1", "p1", "l1"), NOW)
    assert index.find(token_hash("secret-token")) == LinkTarget("a1", "p1", "l1")
    assert index.find(token_hash("other")) is None
    assert index.find("secret-token") is None
    index.set_anchor("a1", Anchor(count=3, head="a" * 64))
    index.set_anchor("a1", Anchor(count=2, head="b" * 64))  # never moves back
    assert index.anchor("a1") == Anchor(count=3, head="a" * 64)
    index.forget_assessment("a1")
    assert index.find(token_hash("secret-token")) is None
