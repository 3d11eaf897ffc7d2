"""A stored row holding what the strict reader refuses (written by an old Vigil, or by hand) is reported as
unreadable, calmly; it never crashes a read, and the other rows stay readable."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.store.samples import sample
from vigil.store import UnreadableError
from vigil.store.sql import SqlStore, open_store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqlStore]:
    s = open_store(f"sqlite:///{tmp_path / 'vigil.sqlite3'}")
    yield s
    s.close()


def _raw(store: SqlStore, assessment_id: str, document: str) -> None:
    with store._engine.begin() as conn:
        conn.execute(text("UPDATE assessments SET document = :d WHERE id = :id"), {"d": document, "id": assessment_id})


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('"revision":1', '"revision":1,"x":NaN'),
        ('"title":"Oma"', '"title":"Oma \\ud800"'),
        ('"title":"Oma"', '"title":"Oma \u0378"'),
        ('"format_version":', '"format_version":"1","was_version":'),
        ('"revision":1', '"revision":' + "9" * 5000),
    ],
)
def test_an_unreadable_row_is_refused_calmly(store: SqlStore, old: str, new: str) -> None:
    bad = store.create(sample(title="Oma"))
    good = store.create(sample(title="Opa"))
    document = json.dumps(bad.model_dump(mode="json"), ensure_ascii=False, separators=(",", ":"))
    document = document.replace('"revision":2', '"revision":1')
    assert old in document
    _raw(store, bad.id, document.replace(old, new, 1))
    with pytest.raises(UnreadableError):
        store.get(bad.id)
    assert store.get(good.id) == good
