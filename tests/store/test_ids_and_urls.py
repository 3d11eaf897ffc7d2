"""Ids are checked before any query (``?a=%00`` is "not found", never "cannot reach the database server"), and a
database address with a bad port or option names what is wrong (without echoing the address)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from tests.store.samples import sample
from tests.support.postgres import PostgresServer
from vigil.models.assessment import is_id, new_id
from vigil.store import NotFoundError
from vigil.store.config import URL_ENV, StoreConfigError, resolve
from vigil.store.sql import SqlStore, open_store

HOSTILE_IDS = ["\x00", "a\x00b", "%00", "' OR '1'='1", "x" * 10_000, "", "🕯️", "a b", "../etc/passwd"]


@pytest.fixture
def pg(postgres_server: PostgresServer) -> Iterator[SqlStore]:
    store = open_store(postgres_server.create_database(f"i_{uuid.uuid4().hex[:16]}"))
    yield store
    store.close()


@pytest.mark.postgres
def test_a_hostile_id_is_not_found_and_the_pool_is_kept(pg: SqlStore, caplog: pytest.LogCaptureFixture) -> None:
    kept = pg.create(sample())
    pool = pg._engine.pool
    for hostile in HOSTILE_IDS:
        with pytest.raises(NotFoundError):
            pg.get(hostile)
        with pytest.raises(NotFoundError):
            pg.delete(hostile)
    assert pg._engine.pool is pool  # no fault, so no reset of the connections
    assert "unavailable" not in caplog.text
    assert pg.get(kept.id) == kept


def test_new_ids_have_the_checked_form() -> None:
    assert all(is_id(new_id()) for _ in range(1000))
    assert not any(is_id(h) for h in HOSTILE_IDS)


@pytest.mark.parametrize(
    ("url", "named"),
    [
        ("postgresql+psycopg://vigil:hunter2@db.example.org:abc/vigil", "The port"),
        ("postgresql+psycopg://vigil:hunter2@db.example.org:99999/vigil", "The port"),
        ("postgresql+psycopg://vigil:hunter2@db.example.org:0/vigil", "The port"),
        ("postgresql+psycopg://vigil:hunter2@db.example.org/vigil?sslmode=verify_full", "The sslmode"),
        ("postgresql+psycopg://vigil:hunter2@db.example.org/vigil?sslmod=require", "the option 'sslmod'"),
        ("postgresql+psycopg://vigil:hunter2@db.example.org/vigil?connect_timeout=soon", "The connect_timeout"),
    ],
)
def test_a_bad_address_names_the_problem_without_echoing_the_address(url: str, named: str) -> None:
    with pytest.raises(StoreConfigError) as caught:
        resolve(url)
    message = str(caught.value)
    assert named in message and URL_ENV in message
    assert "hunter2" not in message and "db.example.org" not in message


def test_good_addresses_still_resolve() -> None:
    for url in ("postgresql://vigil@db.example.org:5432/vigil?sslmode=verify-full&connect_timeout=5",
                "postgresql+psycopg://vigil@/vigil?host=/var/run/postgresql", "sqlite:///:memory:"):
        resolve(url)
