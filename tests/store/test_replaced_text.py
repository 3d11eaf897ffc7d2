"""Text replaced by editing leaves the files: no old copy stays in ``vigil.sqlite3-wal`` (or anywhere in the data
folder) while the server runs."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.store.samples import sample
from vigil.models.assessment import Answer
from vigil.store.sql import SqlStore, open_store


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path) -> Iterator[SqlStore]:
    s = open_store(f"sqlite:///{data_dir / 'vigil.sqlite3'}")
    yield s
    s.close()


def every_file(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


def test_replaced_text_leaves_every_file_of_the_data_folder(store: SqlStore, data_dir: Path) -> None:
    old = f"OldNote{uuid.uuid4().hex}"
    kept = f"KeptNote{uuid.uuid4().hex}"
    a = store.create(sample(title="Oma Grete"))
    a.answers["long"] = Answer(text=f"{old} " * 300, note=old)
    a = store.save(a)
    for i in range(20):  # the note is replaced, then edited twenty times
        a.answers["long"] = Answer(text=f"{kept} version {i} " * 300, note=f"{kept} {i}")
        a = store.save(a)
    files = every_file(data_dir)
    assert kept.encode() in files  # the search can find text that is there
    assert old.encode() not in files
    assert store.get(a.id).answers["long"].note == f"{kept} 19"


def test_a_replaced_title_leaves_the_files_too(store: SqlStore, data_dir: Path) -> None:
    old = f"OldTitle{uuid.uuid4().hex}"
    a = store.create(sample(title=old))
    a.meta.title = "Für Oma"
    store.save(a)
    assert old.encode() not in every_file(data_dir)


def test_a_save_that_reached_the_file_is_never_reported_as_failed_when_its_checkpoint_cannot_start(
        store: SqlStore, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The checkpoint after a save is housekeeping. If it cannot even open its connection (the file busy with
    another program), the save has still happened: reporting it as failed made the app save again with the old
    revision and show "changed in another tab" to someone with one tab open."""
    import sqlite3

    from vigil.store.sqlite_file import SqliteFile

    a = store.create(sample(title="Oma Grete"))
    a.answers["long"] = Answer(text="kept")

    def busy(self: SqliteFile, timeout_s: float | None = None) -> sqlite3.Connection:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(SqliteFile, "connect", busy)
    saved = store.save(a)
    monkeypatch.undo()
    assert saved.revision == a.revision + 1
    assert store.get(a.id).answers["long"].text == "kept"
    a2 = store.save(saved.model_copy(update={"meta": saved.meta.model_copy(update={"title": "Oma Grete K."})}))
    assert a2.revision == saved.revision + 1  # and the pending checkpoint is simply tried again later
