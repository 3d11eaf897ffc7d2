"""Logs never carry answers, names or passwords, even with every logger (SQLAlchemy's too) at DEBUG."""

from __future__ import annotations

import logging
import sqlite3
import uuid
from pathlib import Path

import pytest

from tests.store.samples import sample
from vigil.models.assessment import Answer
from vigil.store import StoreUnavailableError
from vigil.store.sql import open_store


def test_no_personal_text_in_logs_even_at_debug(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="sqlalchemy")  # SQLAlchemy keeps its loggers at WARNING otherwise
    marker = f"Name{uuid.uuid4().hex}"
    db = tmp_path / "vigil.sqlite3"
    store = open_store(f"sqlite:///{db}", busy_timeout_s=0.1)  # created after the level is set: SQL is logged
    try:
        created = store.create(sample(title=marker, marker=marker))
        created.answers["voice_lines"] = Answer(text=marker)
        saved = store.save(created)
        store.get(saved.id)
        store.list()
        other = sqlite3.connect(db, isolation_level=None)
        other.execute("BEGIN EXCLUSIVE")
        with pytest.raises(StoreUnavailableError):
            store.save(saved)
        other.execute("ROLLBACK")
        other.close()
        store.delete(saved.id)
    finally:
        store.close()
    assert "UPDATE assessments" in caplog.text  # SQLAlchemy did log its statements (so the check means something)
    assert "store fault locked" in caplog.text
    assert marker not in caplog.text
