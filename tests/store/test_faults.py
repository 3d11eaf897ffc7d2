"""Every kind of driver fault maps to the right calm reason, and every reason is said in every language."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from vigil.i18n import available_languages, strings
from vigil.i18n.faults import fault_words
from vigil.store import StoreUnavailableError
from vigil.store.faults import REASONS, translate


def _sqlite(code: int, text: str) -> OperationalError:
    err = sqlite3.OperationalError(text)
    err.sqlite_errorcode = code  # type: ignore[attr-defined]
    return OperationalError("UPDATE assessments SET title=?", None, err)


class _PgError(Exception):
    def __init__(self, text: str, sqlstate: str | None) -> None:
        super().__init__(text)
        self.sqlstate = sqlstate


def _pg(text: str, sqlstate: str | None) -> OperationalError:
    return OperationalError("SELECT 1", None, _PgError(text, sqlstate))


@pytest.mark.parametrize(
    ("code", "text", "reason"),
    [
        (sqlite3.SQLITE_BUSY, "database is locked", "locked"),
        (sqlite3.SQLITE_LOCKED, "database table is locked", "locked"),
        (sqlite3.SQLITE_FULL, "database or disk is full", "disk_full"),
        (sqlite3.SQLITE_CORRUPT, "database disk image is malformed", "damaged"),
        (sqlite3.SQLITE_NOTADB, "file is not a database", "damaged"),
        (sqlite3.SQLITE_READONLY, "attempt to write a readonly database", "read_only"),
        (sqlite3.SQLITE_READONLY_DBMOVED, "attempt to write a readonly database", "read_only"),
        (sqlite3.SQLITE_PERM, "access permission denied", "read_only"),
        (sqlite3.SQLITE_IOERR, "disk I/O error", "unavailable"),
    ],
)
def test_sqlite_faults_with_the_file_in_place(tmp_path: Path, code: int, text: str, reason: str) -> None:
    db = tmp_path / "vigil.sqlite3"
    db.touch()
    assert translate(_sqlite(code, text), db).reason == reason


def test_sqlite_cannot_open_tells_folder_from_file(tmp_path: Path) -> None:
    fault = _sqlite(sqlite3.SQLITE_CANTOPEN, "unable to open database file")
    assert translate(fault, tmp_path / "gone" / "vigil.sqlite3").reason == "folder_missing"
    assert translate(fault, tmp_path / "vigil.sqlite3").reason == "file_missing"
    (tmp_path / "vigil.sqlite3").touch()
    assert translate(fault, tmp_path / "vigil.sqlite3").reason == "read_only"


@pytest.mark.parametrize(
    ("text", "sqlstate", "reason"),
    [
        ("password authentication failed for user", "28P01", "server_refused"),
        ('database "x" does not exist', "3D000", "server_refused"),
        ("permission denied for table assessments", "42501", "server_refused"),
        ("cannot execute UPDATE in a read-only transaction", "25006", "read_only"),
        ("could not extend file: No space left on device", "53100", "disk_full"),
        ("sorry, too many clients already", "53300", "busy"),
        ("could not serialize access", "40001", "busy"),
        ("deadlock detected", "40P01", "busy"),
        ("terminating connection due to administrator command", "57P01", "server_unreachable"),
        ("connection failed: Connection refused", None, "server_unreachable"),
        ("connection failed: timeout expired", None, "server_unreachable"),
        ('connection failed: FATAL:  password authentication failed for user "vigil"', None, "server_refused"),
        ('connection failed: FATAL:  role "vigil" does not exist', None, "server_refused"),
        ("connection failed: FATAL:  no pg_hba.conf entry for host", None, "server_refused"),
    ],
)
def test_postgresql_faults(text: str, sqlstate: str | None, reason: str) -> None:
    fault = translate(_pg(text, sqlstate), None)
    assert fault.reason == reason
    assert text not in str(fault)
    assert "SELECT" not in str(fault)


@pytest.mark.parametrize("lang", available_languages())
def test_every_reason_is_said_in_every_language(lang: str) -> None:
    def message(reason: str, lang: str) -> str:
        return fault_words(StoreUnavailableError(reason=reason), lang)

    for reason in REASONS:
        assert f"store.unavailable.{reason}" in strings(lang)
        assert message(reason, lang).strip()
    if lang != "en":
        assert message("locked", lang) != message("locked", "en")


def test_the_store_strings_match_between_languages() -> None:
    english = {k for k in strings("en") if k.startswith("store.")}
    for lang in available_languages():
        assert {k for k in strings(lang) if k.startswith("store.")} == english


def test_every_store_error_names_a_string_that_exists_in_every_language() -> None:
    import vigil.store as contract
    from vigil.store.config import StoreConfigError

    errors = [
        contract.StoreError("x"), contract.StoreUnavailableError("x", "locked"), contract.NotFoundError("x"),
        contract.StaleWriteError("id", 1, 2), contract.AlreadyExistsError("x"), contract.UnstorableTextError("x"),
        contract.UnreadableError("x"), StoreConfigError("x"),
    ]
    keys = {e.i18n_key for e in errors}
    assert len(keys) == len(errors)
    for lang in available_languages():
        for key in keys:
            assert key in strings(lang), (lang, key)
