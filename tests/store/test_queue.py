"""The summary columns written at each save, and the work queue read from them (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select

from vigil.assessment_file import read_assessment
from vigil.catalog import load_catalog
from vigil.engine import evaluate
from vigil.models.assessment import FORMAT_VERSION, Answer, Assessment, Meta
from vigil.models.common import VerdictId
from vigil.store import StaleWriteError, UnreadableError
from vigil.store.queue import QueueQuery, Sort, Waiting
from vigil.store.schema import assessments
from vigil.store.sql import SqlStore, open_store

SCENARIOS = Path(__file__).parent.parent / "scenarios"
CATALOG = load_catalog()


def _scenarios() -> list[Assessment]:
    out = []
    for i, path in enumerate(sorted(SCENARIOS.glob("*.json"))):
        assessment, _ = read_assessment(path, CATALOG)
        meta = assessment.meta.model_copy(update={"reference": f"K-2026-{100 + i}"})
        out.append(assessment.model_copy(update={"meta": meta}))
    return out


def _all(store: SqlStore, **query: object) -> list[str]:
    return [r.id for r in store.queue(QueueQuery(limit=50, **query)).rows]  # type: ignore[arg-type]


def test_the_summary_columns_say_what_the_engine_says(store: SqlStore) -> None:
    today = dt.date.today()
    stored = {a.id: store.create(a) for a in _scenarios()}
    page = store.queue(QueueQuery(limit=50))
    assert page.total == len(stored)
    for row in page.rows:
        a = stored[row.id]
        ev = evaluate(CATALOG.get(a.checklist.id, a.checklist.version), a, today)
        assert row.verdict == ev.verdict.id
        assert (row.answered, row.required) == (ev.progress.answered, ev.progress.required)
        due = [i.due for i in ev.open_items if i.due and not i.done]
        assert row.next_due == (min(due) if due else None)
        assert row.title == a.meta.title
        assert row.reference == a.meta.reference
        assert row.openable
    widow = next(r for r in page.rows if "widow" in stored[r.id].meta.title.lower() or r.not_asked)
    assert widow.not_asked and widow.not_asked >= 1


def test_a_save_rewrites_the_summary(store: SqlStore) -> None:
    a = store.create(_scenarios()[0])
    before = store.queue(QueueQuery()).rows[0]
    meta = a.meta.model_copy(update={"title": "Renamed Jürgen", "reference": "R-9"})
    answers = {k: v for k, v in a.answers.items() if k != next(iter(a.answers))}
    store.save(a.model_copy(update={"meta": meta, "answers": answers}))
    after = store.queue(QueueQuery()).rows[0]
    assert (after.title, after.reference) == ("Renamed Jürgen", "R-9")
    assert after.answered is not None and before.answered is not None
    assert after.answered < before.answered
    assert after.revision == before.revision + 1


def test_filters_search_sort_and_pages(store: SqlStore) -> None:
    stored = [store.create(a) for a in _scenarios()]
    by_id = {a.id: a for a in stored}
    today = dt.date.today()
    verdicts = {a.id: evaluate(CATALOG.get(a.checklist.id, a.checklist.version), a, today) for a in stored}
    for verdict in VerdictId:
        expected = {i for i, ev in verdicts.items() if ev.verdict.id == verdict}
        assert set(_all(store, verdicts=frozenset({verdict}))) == expected
    due = set(_all(store, waiting=frozenset({Waiting.due})))
    assert due == {i for i, ev in verdicts.items() if any(o.due and not o.done for o in ev.open_items)}
    assert due  # the scenarios have open items with dates
    asked = set(_all(store, waiting=frozenset({Waiting.not_asked})))
    assert asked and asked < set(by_id)
    # search: by reference, by title regardless of case and accents; LIKE wildcards are literal
    first = stored[3]
    assert _all(store, search=first.meta.reference.lower()) == [first.id]
    word = first.meta.title.split()[0]
    assert first.id in _all(store, search=word.upper())
    assert _all(store, search="%") == []
    assert _all(store, search="_") == []
    # sort by due date: dated first, soonest first
    rows = store.queue(QueueQuery(sort=Sort.due, limit=50)).rows
    dates = [r.next_due for r in rows if r.next_due is not None]
    assert dates == sorted(dates)
    assert rows[0].next_due is not None
    assert all(r.next_due is None for r in rows[len(dates):])


def test_pages_of_at_most_fifty(store: SqlStore) -> None:
    base = _scenarios()[0]
    for i in range(60):
        store.create(base.model_copy(update={"id": f"id{i:03d}", "meta": Meta(title=f"Row {i}", reference=f"R{i}")}))
    first = store.queue(QueueQuery(limit=25))
    second = store.queue(QueueQuery(limit=25, offset=25))
    assert first.total == second.total == 60
    assert len(first.rows) == len(second.rows) == 25
    assert not {r.id for r in first.rows} & {r.id for r in second.rows}
    assert len(store.queue(QueueQuery(limit=10_000)).rows) == 50


def _insert_raw(store_url: str, doc: dict[str, object], **columns: object) -> None:
    engine = create_engine(store_url)
    now = dt.datetime.now(dt.UTC)
    with engine.begin() as conn:
        conn.execute(assessments.insert().values(
            id=doc["id"], checklist_id="memorial_media", checklist_version="x", title="From elsewhere",
            revision=1, created=now, updated=now, document=doc, **columns,
        ))
    engine.dispose()


def _newer_doc() -> dict[str, object]:
    """A document a newer Vigil wrote: a newer format_version, fields that happen to parse in this version."""
    doc = json.loads(_scenarios()[0].model_dump_json())
    doc.update(id="newer-row-0000000001", format_version=FORMAT_VERSION + 1, revision=1)
    return doc


def test_a_row_in_a_newer_format_is_listed_as_cannot_be_opened_and_never_saved_back(
        store: SqlStore, store_url: str) -> None:
    ok = store.create(_scenarios()[1])
    doc = _newer_doc()
    # what the newer server wrote (its summary included)
    _insert_raw(store_url, doc, format_version=FORMAT_VERSION + 1, summary_state="ok", summary_version=99,
                verdict="ready")
    rows = {r.id: r for r in store.queue(QueueQuery()).rows}
    assert rows[doc["id"]].problem == "newer"  # type: ignore[index]
    assert rows[doc["id"]].verdict is None  # type: ignore[index]
    assert rows[ok.id].openable
    with pytest.raises(UnreadableError) as caught:
        store.get(str(doc["id"]))
    assert caught.value.reason == "newer"
    # a copy of it in this version's format (as if loaded before) is not saved back over it
    older = Assessment.model_validate({**doc, "format_version": FORMAT_VERSION})
    with pytest.raises((UnreadableError, StaleWriteError)):
        store.save(older)
    assert json.loads(store.raw(str(doc["id"])))["format_version"] == FORMAT_VERSION + 1
    store.delete(str(doc["id"]))  # and it can be deleted
    assert store.get(ok.id).id == ok.id


def test_an_unreadable_row_is_found_at_start_and_listed_with_the_rest(store: SqlStore, store_url: str) -> None:
    ok = store.create(_scenarios()[2])
    damaged = json.loads(_scenarios()[0].model_dump_json())
    damaged.update(id="damaged-row-00000001", unknown_field={"from": "elsewhere"})
    newer = _newer_doc()
    newer["id"] = "newer-row-0000000002"
    _insert_raw(store_url, damaged)  # summary pending, as after an upgrade
    _insert_raw(store_url, newer)
    assert store.refresh_summaries() == 2
    rows = {r.id: r for r in store.queue(QueueQuery()).rows}
    assert rows["damaged-row-00000001"].problem == "damaged"
    assert rows["newer-row-0000000002"].problem == "newer"
    assert rows[ok.id].openable and rows[ok.id].verdict is not None
    assert json.loads(store.raw("damaged-row-00000001"))["unknown_field"] == {"from": "elsewhere"}
    assert store.refresh_summaries() == 0  # nothing left to do: the next start does not redo it
    engine = create_engine(store_url)
    with engine.connect() as conn:
        states = dict(conn.execute(select(assessments.c.id, assessments.c.summary_state)).all())
    engine.dispose()
    assert states["damaged-row-00000001"] == "unreadable"


def test_a_summary_fault_never_stops_a_save(store_url: str) -> None:
    def broken(_: Assessment) -> object:
        raise RuntimeError("engine fault")

    s = open_store(store_url, summarizer=broken)  # type: ignore[arg-type]
    a = s.create(_scenarios()[0].model_copy(update={"answers": {"x": Answer(text="kept")}}))
    assert s.get(a.id).answers["x"].text == "kept"
    row = s.queue(QueueQuery()).rows[0]
    assert row.verdict is None and row.title == a.meta.title
    s.close()
