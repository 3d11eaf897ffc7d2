"""One calm line for a user's file that cannot be read."""

from __future__ import annotations

from pathlib import Path

import pytest

from vigil.files import why_unreadable


def _error(path: Path) -> OSError:
    with pytest.raises(OSError) as info:
        path.open("rb")
    return info.value


def test_missing_file_and_folder_are_named(tmp_path: Path) -> None:
    missing = tmp_path / "nope.json"
    assert why_unreadable(missing, _error(missing), "an assessment file") == f"there is no file {str(missing)!r}"
    assert why_unreadable(tmp_path, _error(tmp_path), "a media file") == f"{str(tmp_path)!r} is a folder, not a media file"


def test_other_errors_give_the_systems_reason(tmp_path: Path) -> None:
    assert why_unreadable(tmp_path / "x", PermissionError(13, "Permission denied"), "a file").endswith(
        ": Permission denied")
