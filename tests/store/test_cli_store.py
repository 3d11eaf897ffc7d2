"""`vigil import` and `vigil list` against the store (SQLite and PostgreSQL), `vigil assess` over many files."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
from pathlib import Path

import pytest

from vigil.assessment_file import read_assessment
from vigil.catalog import load_catalog
from vigil.cli import main
from vigil.engine import evaluate
from vigil.models.assessment import Answer
from vigil.practice import practice_defaults
from vigil.store.queue import QueueQuery
from vigil.store.sql import open_store

CHECKLIST = load_catalog().latest()[0]
SCENARIOS = Path(__file__).parent.parent / "scenarios"
ORDERS = """reference,title,person_name,born,died,commissioner,relatives
K-1,Farewell Anna,Anna Weiß,1950-02-01,2026-10-01,close_family,Marta Weiß | child | marta@example.com; Jonas | Enkelkind
K-2,Bad dates,Bob,1990-01-01,1980-01-01,close_family,
K-3,"Two
lines",Carla,,2026-09-09,aunt,
K-4,=cmd|' /C calc'!A0,Dora,,,,"Eve | spouse"
K-5,Bad relative,Finn,,,,"Gus | cousin"
"""


def _all(url: str) -> dict[str, object]:
    store = open_store(url)
    rows = {r.reference: r for r in store.queue(QueueQuery(limit=50)).rows}
    store.close()
    return rows  # type: ignore[return-value]


def test_import_orders_reports_bad_rows_by_line_and_stores_nothing_of_them(
        store_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = open_store(store_url)
    store.save_practice_defaults(practice_defaults(CHECKLIST, {"machine_mark": Answer(choice="yes")}))
    store.close()
    orders = tmp_path / "orders.csv"
    orders.write_text(ORDERS, encoding="utf-8")
    jsonl = tmp_path / "more.jsonl"
    jsonl.write_text('{"reference": "J-1", "relatives": [{"name": "Ed", "relation": "parent"}]}\n'
                     '{"reference": "J-2", "surprise": 1}\n', encoding="utf-8")
    code = main(["import", str(orders), str(jsonl), "--database", store_url, "--today", "2026-12-01"])
    err = capsys.readouterr().err
    assert code == 2
    assert f"{orders}:3: died: 1980-01-01 is before born 1990-01-01" in err
    assert f"{orders}:4: commissioner 'aunt' is not one of" in err  # the row that starts on line 4 (two lines)
    assert f"{orders}:7: relatives 1: relation 'cousin' is not one of" in err
    assert f"{jsonl}:2: surprise: Extra inputs are not permitted" in err
    rows = _all(store_url)
    assert set(rows) == {"K-1", "K-4", "J-1"}
    store = open_store(store_url)
    k1 = store.get(rows["K-1"].id)  # type: ignore[attr-defined]
    store.close()
    people = k1.answers["people"].people or []
    assert [(p.values["name"], p.values.get("relation"), p.values.get("contact")) for p in people] == [
        ("Marta Weiß", "child", "marta@example.com"), ("Jonas", "grandchild", None)]
    assert k1.answers["person_name"].text == "Anna Weiß"
    assert k1.answers["machine_mark"].choice == "yes"  # from the practice defaults, marked
    assert k1.prefilled["machine_mark"].source == "practice"
    assert rows["K-1"].not_asked == 2  # type: ignore[attr-defined]


def test_list_filters_and_escapes_user_text(store_url: str, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    orders = tmp_path / "o.jsonl"
    orders.write_text(json.dumps({"reference": "R-\x1b[31mred", "title": "=1+1",
                                  "relatives": [{"name": "Ed"}]}) + "\n"
                      + json.dumps({"reference": "R-2", "title": "plain"}) + "\n", encoding="utf-8")
    assert main(["import", str(orders), "--database", store_url]) == 0
    capsys.readouterr()
    assert main(["list", "--database", store_url, "--waiting", "not_asked"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert "R-\\x1b[31mred" in out
    assert "plain" not in out
    assert main(["list", "--database", store_url, "--format", "csv", "--search", "r-2"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["reference"] for r in rows] == ["R-2"]
    assert main(["list", "--database", store_url, "--format", "csv", "--search", "R-"]) == 0
    titles = {r["title"] for r in csv.DictReader(io.StringIO(capsys.readouterr().out))}
    assert titles == {"'=1+1", "plain"}  # a formula is text in a spreadsheet
    assert main(["list", "--database", store_url, "--verdict", "ready"]) == 0
    assert capsys.readouterr().out == ""


def test_assess_many_files_one_row_each(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "many"
    shutil.copytree(SCENARIOS, folder)
    (folder / "broken.json").write_text("{", encoding="utf-8")
    count = len(list(SCENARIOS.glob("*.json")))
    assert main(["assess", str(folder), "--format", "jsonl", "--today", "2026-11-22"]) == 2
    captured = capsys.readouterr()
    rows = [json.loads(line) for line in captured.out.splitlines()]
    assert len(rows) == count
    assert "broken.json" in captured.err
    widow = next(r for r in rows if "widow" in r["file"])
    assessment, checklist = read_assessment(Path(widow["file"]), load_catalog())
    expected = evaluate(checklist, assessment, dt.date(2026, 11, 22))
    assert widow["verdict"] == expected.verdict.id.value
    assert (widow["answered"], widow["required"]) == (expected.progress.answered, expected.progress.required)
    assert any("Weißmüller" in who for who in widow["must_still_agree"])
    assert widow["blockers"]
    assert main(["assess", str(SCENARIOS / "funeral-clip-wishes-unknown.json"), "--format", "csv"]) == 0
    table = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(table) == 1
    assert table[0]["reference"] == "" and table[0]["verdict"] in {"stop", "resolve_first", "proceed_with_conditions",
                                                                  "ready"}
    assert main(["assess", str(folder), "--format", "text"]) == 2  # several files need csv or jsonl
