"""Which database: the argument, else VIGIL_DATABASE_URL, else the SQLite file in VIGIL_DATA_DIR."""

from __future__ import annotations

from pathlib import Path

import platformdirs
import pytest

from vigil.store.config import (
    DATA_DIR_ENV,
    URL_ENV,
    ServerTarget,
    SqliteTarget,
    StoreConfigError,
    resolve,
)
from vigil.store.sql import open_store


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(URL_ENV, raising=False)
    monkeypatch.delenv(DATA_DIR_ENV, raising=False)


def test_default_is_the_users_data_folder() -> None:
    target = resolve()
    assert isinstance(target, SqliteTarget)
    assert target.path == Path(platformdirs.user_data_dir("vigil", appauthor=False)) / "vigil.sqlite3"


def test_data_dir_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "d"))
    assert resolve() == SqliteTarget(tmp_path / "d" / "vigil.sqlite3")


def test_url_from_the_environment_wins_over_the_data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path))
    monkeypatch.setenv(URL_ENV, "postgresql+psycopg://app:pw@db.internal:5433/vigil")
    target = resolve()
    assert isinstance(target, ServerTarget)
    assert target.url.database == "vigil"


def test_an_explicit_url_wins_over_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(URL_ENV, "postgresql+psycopg://app@db/vigil")
    assert resolve(f"sqlite:///{tmp_path}/x.sqlite3") == SqliteTarget(tmp_path / "x.sqlite3")


def test_plain_postgresql_urls_use_psycopg_3() -> None:
    target = resolve("postgresql://app@db/vigil")
    assert isinstance(target, ServerTarget)
    assert target.url.drivername == "postgresql+psycopg"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("sqlite://", SqliteTarget(None)),
        ("sqlite:////srv/vigil/v.sqlite3", SqliteTarget(Path("/srv/vigil/v.sqlite3"))),
        ("sqlite:////srv/vigil/v.sqlite3?mode=ro", SqliteTarget(Path("/srv/vigil/v.sqlite3"), read_only=True)),
        ("sqlite:///file:/srv/v.sqlite3?mode=ro&uri=true", SqliteTarget(Path("/srv/v.sqlite3"), read_only=True)),
    ],
)
def test_sqlite_addresses(url: str, expected: SqliteTarget) -> None:
    assert resolve(url) == expected


def test_describe_never_shows_a_password() -> None:
    target = resolve("postgresql+psycopg://vigil_app:Very%20Secret@db.example:6543/vigil_prod")
    text = target.describe()
    assert text == "PostgreSQL · vigil_prod on db.example:6543"
    assert "Secret" not in text
    assert "vigil_app" not in text


@pytest.mark.parametrize(
    "url", ["mysql://root:hunter2@db/vigil", "not a url at all hunter2", "oracle://u:hunter2@h/x"]
)
def test_unusable_addresses_are_explained_without_echoing_them(url: str) -> None:
    with pytest.raises(StoreConfigError) as caught:
        resolve(url)
    assert "hunter2" not in str(caught.value)
    assert URL_ENV in str(caught.value)


def test_an_in_memory_store_works_for_quick_tests() -> None:
    from tests.store.samples import sample

    store = open_store("sqlite://")
    created = store.create(sample())
    assert store.get(created.id) == created
    assert "in memory" in store.describe()
    store.close()
