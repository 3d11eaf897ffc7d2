"""Why a file the user named cannot be read, in one calm line (used by every reader of a user's file)."""

from __future__ import annotations

from pathlib import Path


def why_unreadable(path: Path, exc: OSError, kind: str) -> str:
    """The reason ``path`` could not be opened; ``kind`` says what it should have been ("a media file")."""
    if isinstance(exc, FileNotFoundError):
        return f"there is no file {str(path)!r}"
    if isinstance(exc, IsADirectoryError):
        return f"{str(path)!r} is a folder, not {kind}"
    return f"cannot read {str(path)!r}: {exc.strerror}"
