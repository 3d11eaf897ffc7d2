"""Schema migrations: a fresh database, one made by release 0.1.0, several servers at once, a newer database."""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import JSON, Column, DateTime, Index, Integer, MetaData, Table, Text, create_engine, inspect, text
from sqlalchemy.dialects.postgresql import JSONB

from vigil.models.assessment import Assessment
from vigil.store import migrate
from vigil.store.migrate import SchemaTooNewError
from vigil.store.queue import QueueQuery
from vigil.store.schema import metadata
from vigil.store.sql import open_store
from vigil.upgrade import upgrade

RELEASE_0_1 = Path(__file__).parent.parent / "fixtures" / "store" / "release-0.1.0.sqlite3"


def _release_rows() -> list[tuple[str, str, int, dict[str, Any]]]:
    with sqlite3.connect(f"file:{RELEASE_0_1}?mode=ro", uri=True) as conn:
        rows = conn.execute("SELECT id, title, revision, document FROM assessments ORDER BY id").fetchall()
    return [(i, title, rev, json.loads(doc)) for i, title, rev, doc in rows]


def _old_schema() -> MetaData:
    """The table release 0.1.0 created (frozen here: the migrations must upgrade exactly this)."""
    md = MetaData()
    tbl = Table(
        "assessments", md,
        Column("id", Text, primary_key=True),
        Column("checklist_id", Text, nullable=False),
        Column("checklist_version", Text, nullable=False),
        Column("title", Text, nullable=False),
        Column("revision", Integer, nullable=False),
        Column("created", DateTime(timezone=True), nullable=False),
        Column("updated", DateTime(timezone=True), nullable=False),
        Column("document", JSON().with_variant(JSONB(), "postgresql"), nullable=False),
    )
    Index("ix_assessments_updated", tbl.c.updated)
    return md


def release_database(store_url: str) -> str:
    """A database as release 0.1.0 left it, with the fixture's rows: a copy of the file, or the same rows on
    PostgreSQL in the old table."""
    if store_url.startswith("sqlite"):
        path = Path(store_url.removeprefix("sqlite:///"))
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(RELEASE_0_1, path)
        return store_url
    md = _old_schema()
    engine = create_engine(store_url)
    with sqlite3.connect(f"file:{RELEASE_0_1}?mode=ro", uri=True) as src, engine.begin() as conn:
        md.create_all(conn)
        cols = ["id", "checklist_id", "checklist_version", "title", "revision", "created", "updated", "document"]
        for row in src.execute(f"SELECT {', '.join(cols)} FROM assessments"):
            values = dict(zip(cols, row, strict=True))
            values["document"] = json.loads(values["document"])
            conn.execute(md.tables["assessments"].insert().values(**values))
    engine.dispose()
    return store_url


def _version(store_url: str) -> list[str]:
    engine = create_engine(store_url)
    with engine.connect() as conn:
        heads = list(MigrationContext.configure(conn).get_current_heads())
    engine.dispose()
    return heads


def test_a_fresh_database_gets_exactly_the_schema_the_code_uses(store_url: str) -> None:
    open_store(store_url).close()
    engine = create_engine(store_url)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    engine.dispose()
    assert diff == []
    assert _version(store_url) == [migrate.head()]


def test_a_release_0_1_database_upgrades_with_nothing_lost(store_url: str) -> None:
    expected = _release_rows()
    assert len(expected) >= 5
    store = open_store(release_database(store_url))
    try:
        assert _version(store_url) == [migrate.head()]
        listed = {row.id: row for row in store.list()}
        assert set(listed) == {i for i, *_ in expected}
        for aid, title, revision, doc in expected:
            got = store.get(aid)
            assert got.model_dump(mode="json") == Assessment.model_validate(upgrade(doc)).model_dump(mode="json")
            assert listed[aid].title == title
            assert listed[aid].revision == revision
        # the upgraded rows got their summary columns at start: the queue lists every one of them
        queued = {r.id: r for r in store.queue(QueueQuery(limit=50)).rows}
        assert {i: r.title for i, r in queued.items()} == {i: title for i, title, *_ in expected}
        assert all(r.openable for r in queued.values())
        # and it keeps working: a save of an upgraded row
        first = store.get(expected[0][0])
        saved = store.save(first.model_copy(update={"meta": first.meta.model_copy(update={"title": "new"})}))
        assert store.get(first.id).meta.title == "new" == saved.meta.title
    finally:
        store.close()


def _fingerprint(store_url: str) -> str:
    if store_url.startswith("sqlite"):
        return hashlib.sha256(Path(store_url.removeprefix("sqlite:///")).read_bytes()).hexdigest()
    engine = create_engine(store_url)
    with engine.connect() as conn:
        insp = inspect(conn)
        shape = {t: [c["name"] for c in insp.get_columns(t)] for t in sorted(insp.get_table_names())}
        rows = conn.execute(text("SELECT id, revision, document::text FROM assessments ORDER BY id")).all()
        version = conn.execute(text("SELECT version_num FROM alembic_version")).all()
    engine.dispose()
    return json.dumps([shape, [list(r) for r in rows], [list(v) for v in version]])


def test_a_database_newer_than_the_code_is_refused_and_not_altered(store_url: str) -> None:
    release_database(store_url)
    engine = create_engine(store_url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)"))
        conn.execute(text("INSERT INTO alembic_version VALUES ('9001')"))
    engine.dispose()
    before = _fingerprint(store_url)
    with pytest.raises(SchemaTooNewError) as caught:
        open_store(store_url)
    assert "newer version of Vigil" in str(caught.value)
    assert "9001" in str(caught.value)
    assert _fingerprint(store_url) == before


def _start_server(store_url: str, barrier: Any, results: Any) -> None:
    barrier.wait()
    try:
        store = open_store(store_url)
        results.put(("ok", len(store.list())))
        store.close()
    except Exception as exc:  # reported to the test
        results.put(("error", repr(exc)))


@pytest.mark.parametrize("start", ["empty", "release_0_1"])
def test_several_servers_starting_at_once_upgrade_safely(store_url: str, start: str) -> None:
    expected = len(_release_rows()) if start == "release_0_1" else 0
    if start == "release_0_1":
        release_database(store_url)
    ctx = multiprocessing.get_context("spawn")
    servers = 4
    barrier = ctx.Barrier(servers)
    results = ctx.Queue()
    procs = [ctx.Process(target=_start_server, args=(store_url, barrier, results)) for _ in range(servers)]
    for p in procs:
        p.start()
    outcomes = [results.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=30)
    assert outcomes == [("ok", expected)] * servers
    assert _version(store_url) == [migrate.head()]
