"""SQLite: where the file lives, WAL, deleting for good, and every fault as a calm, recoverable error."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.store.samples import sample
from vigil.i18n.faults import fault_words
from vigil.models.assessment import Answer
from vigil.store import StoreUnavailableError
from vigil.store.config import DATA_DIR_ENV, URL_ENV
from vigil.store.sql import SqlStore, open_store

FAST = 0.2  # busy timeout for the tests: a lock surfaces after 0.2 s instead of the app's 1.5 s


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "vigil.sqlite3"


@pytest.fixture
def sqlite_store(db_path: Path) -> Iterator[SqlStore]:
    store = open_store(f"sqlite:///{db_path}", busy_timeout_s=FAST)
    yield store
    store.close()


def assert_calm(error: StoreUnavailableError, reason: str, *private: str) -> None:
    """The right reason, a sentence for people: no SQL, no traceback, nothing personal, no chained cause."""
    assert error.reason == reason, str(error)
    for text in (fault_words(error), str(error)):  # what a person is told; what a log keeps
        assert text.endswith(".")
        for leak in ("Traceback", "SELECT", "UPDATE", "INSERT", "DELETE", "sqlite3", "OperationalError", "[SQL",
                     *private):
            assert leak not in text
    assert error.__cause__ is None
    assert error.__context__ is None or error.__suppress_context__
    assert error.i18n_key == f"store.unavailable.{reason}"


# ---------------------------------------------------------------------------------------- where it lives


def test_default_file_is_created_in_a_private_data_folder(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    data_dir = tmp_path / "home" / "vigil-data"
    monkeypatch.setenv(DATA_DIR_ENV, str(data_dir))
    monkeypatch.delenv(URL_ENV, raising=False)
    store = open_store()
    try:
        created = store.create(sample())
        assert store.get(created.id) == created
        assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
        db_file = data_dir / "vigil.sqlite3"
        assert stat.S_IMODE(db_file.stat().st_mode) == 0o600
        assert str(db_file) in store.describe()
    finally:
        store.close()


def test_the_database_runs_in_wal_mode_with_secure_delete(sqlite_store: SqlStore, db_path: Path) -> None:
    sqlite_store.create(sample())
    raw = sqlite3.connect(db_path)
    try:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        raw.close()
    with sqlite_store._engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == int(FAST * 1000)


def _raw_bytes(db_path: Path) -> bytes:
    parts = [db_path, db_path.with_name(db_path.name + "-wal"), db_path.with_name(db_path.name + "-journal")]
    return b"".join(p.read_bytes() for p in parts if p.exists())


def test_delete_removes_the_text_from_the_file_itself(sqlite_store: SqlStore, db_path: Path) -> None:
    gone_marker = f"Gone{uuid.uuid4().hex}"
    kept_marker = f"Kept{uuid.uuid4().hex}"
    kept = sqlite_store.create(sample(title=f"keep {kept_marker}", marker=kept_marker))
    gone = sqlite_store.create(sample(title=f"Oma {gone_marker}", marker=gone_marker))
    for i in range(3):  # several revisions: old copies of the text sit in the WAL and in freed pages
        gone.answers["long"] = Answer(text=f"{gone_marker} " * (400 + i * 300))
        gone = sqlite_store.save(gone)
    before = _raw_bytes(db_path)
    assert gone_marker.encode() in before  # the check below can fail
    sqlite_store.delete(gone.id)
    after = _raw_bytes(db_path)
    assert gone_marker.encode() not in after
    assert kept_marker.encode() in after
    assert sqlite_store.get(kept.id) == kept


def test_a_delete_held_up_by_another_reader_is_erased_once_the_reader_is_done(
    sqlite_store: SqlStore, db_path: Path
) -> None:
    marker = f"Gone{uuid.uuid4().hex}"
    gone = sqlite_store.create(sample(title=marker, marker=marker))
    for _ in range(3):
        gone = sqlite_store.save(gone)
    reader = sqlite3.connect(db_path, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM assessments").fetchall()  # holds a snapshot from before the delete
    try:
        sqlite_store.delete(gone.id)
        assert marker.encode() in _raw_bytes(db_path)  # the reader still needs the old pages
    finally:
        reader.execute("COMMIT")
        reader.close()
    assert sqlite_store.list() == []  # any later call finishes the job
    assert marker.encode() not in _raw_bytes(db_path)


# ---------------------------------------------------------------------------------------- locked


def test_a_locked_database_is_reported_and_saving_resumes_after(sqlite_store: SqlStore, db_path: Path) -> None:
    created = sqlite_store.create(sample(title="Locked Lotte"))
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreUnavailableError) as caught:
            sqlite_store.save(created)
        assert_calm(caught.value, "locked", "Lotte", str(db_path))
        with pytest.raises(StoreUnavailableError):
            sqlite_store.create(sample())
        # WAL: reading goes on while another program holds the write lock.
        assert sqlite_store.get(created.id).revision == 1
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert sqlite_store.save(created).revision == 2
    assert sqlite_store.count() == 1


# ---------------------------------------------------------------------------------------- read-only


@contextmanager
def read_only(*paths: Path) -> Iterator[None]:
    """Make ``paths`` really read-only, also for root: ``chattr +i`` as root, permissions otherwise."""
    if os.geteuid() == 0:
        made = subprocess.run(["chattr", "+i", *map(str, paths)], capture_output=True, text=True, check=False)
        if made.returncode != 0:
            pytest.fail(
                "Cannot make a file read-only for root: `chattr +i` failed "
                f"({made.stderr.strip()}). The test needs e2fsprogs, an ext4 (or xfs/btrfs) temp folder "
                "and the CAP_LINUX_IMMUTABLE capability.", pytrace=False,
            )
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", *map(str, paths)], check=True)
    else:
        modes = {p: stat.S_IMODE(p.stat().st_mode) for p in paths}
        for p in paths:
            p.chmod(0o555 if p.is_dir() else 0o444)
        try:
            yield
        finally:
            for p, mode in modes.items():
                p.chmod(mode)


def test_a_read_only_file_is_reported_and_saving_resumes_after(db_path: Path) -> None:
    first = open_store(f"sqlite:///{db_path}", busy_timeout_s=FAST)
    created = first.create(sample(title="Read-only Rosa"))
    first.close()
    with read_only(db_path):
        store = open_store(f"sqlite:///{db_path}", busy_timeout_s=FAST)
        assert store.get(created.id) == created  # reading still works
        with pytest.raises(StoreUnavailableError) as caught:
            store.save(created)
        assert_calm(caught.value, "read_only", "Rosa")
    assert store.save(created).revision == 2  # the same object, no restart
    store.close()


def test_a_read_only_folder_is_reported_and_saving_resumes_after(db_path: Path) -> None:
    first = open_store(f"sqlite:///{db_path}", busy_timeout_s=FAST)
    created = first.create(sample())
    first.close()
    with read_only(db_path, db_path.parent):
        store = open_store(f"sqlite:///{db_path}", busy_timeout_s=FAST)
        with pytest.raises(StoreUnavailableError) as caught:
            store.save(created)
        assert_calm(caught.value, "read_only")
    assert store.save(created).revision == 2
    store.close()


def test_a_read_only_address_reads_but_does_not_write(sqlite_store: SqlStore, db_path: Path) -> None:
    created = sqlite_store.create(sample())
    reader = open_store(f"sqlite:///{db_path}?mode=ro", busy_timeout_s=FAST)
    try:
        assert "read-only" in reader.describe()
        assert reader.get(created.id) == created
        with pytest.raises(StoreUnavailableError) as caught:
            reader.save(created)
        assert_calm(caught.value, "read_only")
    finally:
        reader.close()
    assert sqlite_store.get(created.id).revision == 1


# ---------------------------------------------------------------------------------------- folder or file gone


def test_a_vanished_data_folder_is_reported_not_recreated_and_saving_resumes(
    sqlite_store: SqlStore, db_path: Path, tmp_path: Path
) -> None:
    created = sqlite_store.create(sample(title="Moved Mia"))
    saved = sqlite_store.save(created)
    folder = db_path.parent
    elsewhere = tmp_path / "unmounted"
    folder.rename(elsewhere)  # like an external drive that was unplugged
    for attempt in (lambda: sqlite_store.save(saved), lambda: sqlite_store.get(saved.id), sqlite_store.list,
                    lambda: sqlite_store.create(sample())):
        with pytest.raises(StoreUnavailableError) as caught:
            attempt()
        assert_calm(caught.value, "folder_missing", "Mia")
    assert not folder.exists(), "the store must not create an empty folder in place of the vanished one"
    elsewhere.rename(folder)
    again = sqlite_store.save(saved)
    assert again.revision == 3
    assert sqlite_store.get(saved.id) == again
    assert sqlite_store.count() == 1


def test_a_deleted_folder_restored_from_a_backup_works_again(
    sqlite_store: SqlStore, db_path: Path, tmp_path: Path
) -> None:
    created = sqlite_store.create(sample())
    sqlite_store.close()  # a clean file to copy (the WAL folded in)
    backup = tmp_path / "backup"
    shutil.copytree(db_path.parent, backup)
    shutil.rmtree(db_path.parent)
    with pytest.raises(StoreUnavailableError) as caught:
        sqlite_store.save(created)
    assert_calm(caught.value, "folder_missing")
    db_path.parent.mkdir()
    with pytest.raises(StoreUnavailableError) as caught:
        sqlite_store.save(created)
    assert_calm(caught.value, "file_missing")
    assert not db_path.exists(), "the store must not start an empty database while running"
    shutil.copy(backup / db_path.name, db_path)  # a new file (new inode): connections to the old one go
    saved = sqlite_store.save(created)
    assert saved.revision == 2
    check = open_store(f"sqlite:///{db_path}")
    assert check.get(created.id) == saved
    check.close()


# ---------------------------------------------------------------------------------------- damaged


def test_a_file_that_is_not_a_database_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "vigil.sqlite3"
    path.write_bytes(b"this is not a database, just a text file that happens to sit here\n" * 100)
    store = open_store(f"sqlite:///{path}", busy_timeout_s=FAST)
    try:
        with pytest.raises(StoreUnavailableError) as caught:
            store.list()
        assert_calm(caught.value, "damaged")
    finally:
        store.close()


def test_a_data_folder_with_unusual_characters(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "Jürgens Daten ?#%20 & 王 'x'"
    monkeypatch.setenv(DATA_DIR_ENV, str(folder))
    monkeypatch.delenv(URL_ENV, raising=False)
    store = open_store()
    try:
        created = store.create(sample())
        assert store.get(created.id) == created
        assert (folder / "vigil.sqlite3").stat().st_size > 0
        assert sorted(p.name for p in tmp_path.iterdir()) == [folder.name]  # no file made at a mangled path
    finally:
        store.close()
