"""The test server helper fails loudly (never skips) when PostgreSQL is not installed."""

from __future__ import annotations

import pytest

from tests.support import postgres


def test_missing_server_binaries_are_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(postgres.shutil, "which", lambda name: None)
    monkeypatch.setattr(postgres.glob, "glob", lambda pattern: [])
    with pytest.raises(postgres.PostgresUnavailable, match=r"'initdb' was not found.*apt-get install postgresql"):
        postgres.PostgresServer.start_new()


def test_binaries_are_found_on_this_machine() -> None:
    for name in ("initdb", "pg_ctl", "postgres"):
        assert postgres.find_binary(name)
