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
