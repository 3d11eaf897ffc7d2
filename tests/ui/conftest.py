"""Every UI test gets its own data folder; the app uses the real store there."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.support import write_checklist


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("VIGIL_DATA_DIR", str(folder))
    monkeypatch.delenv("VIGIL_DATABASE_URL", raising=False)
    return folder


@pytest.fixture
def tiny_checklists(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the app at the small test checklist (conditional questions, examples, support)."""
    folder = tmp_path / "checklists"
    write_checklist(folder)
    monkeypatch.setenv("VIGIL_CHECKLISTS", str(folder))
    return folder
