"""Store fixtures: every contract test runs on an SQLite file and on a real PostgreSQL server."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.postgres import PostgresServer, postgres_server  # noqa: F401 (a fixture)
from vigil.store.sql import SqlStore, open_store


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database: an SQLite file in a new folder, or a new database on the test server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'data' / 'vigil.sqlite3'}"
    server: PostgresServer = request.getfixturevalue("postgres_server")
    return server.create_database(f"t_{uuid.uuid4().hex[:16]}")


@pytest.fixture
def store(store_url: str) -> Iterator[SqlStore]:
    s = open_store(store_url, busy_timeout_s=0.3)
    yield s
    s.close()
