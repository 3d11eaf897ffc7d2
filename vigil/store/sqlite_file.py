"""Guarding the SQLite file: who may read it, that it is still the same file, one writer, no old text left.

``SqliteFile`` knows nothing of assessments. It opens connections (``mode=rwc`` only for the very first
set-up, then ``mode=rw``, or ``ro``), creates the data folder (0700) and the file (0600) once, notices a moved
or replaced file (device and inode), queues this server's writers behind one lock, and folds the WAL into the
file (``wal_checkpoint(TRUNCATE)``) so that replaced and deleted text leaves ``-wal``. The reading and writing
of assessments is ``vigil.store.sql``.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from vigil.store.faults import unavailable

log = logging.getLogger("vigil.store")


class SqliteFile:
    """The guard of one SQLite file (``path``), shared by every session of an app server."""

    def __init__(self, path: Path, *, read_only: bool, busy_timeout_s: float) -> None:
        self.path = path
        self.read_only = read_only
        self.busy_timeout_s = busy_timeout_s
        self.created = False  # after the first set-up the file is never created again
        self.checkpoint_pending = False
        self._identity: tuple[int, int] | None = None

    def connect(self, timeout_s: float | None = None) -> sqlite3.Connection:
        """A connection to the file. Only the first set-up may create it (``mode=rwc``); later ``mode=rw``."""
        mode = "ro" if self.read_only else ("rw" if self.created else "rwc")
        uri = f"{self.path.absolute().as_uri()}?mode={mode}"
        timeout = self.busy_timeout_s if timeout_s is None else timeout_s
        conn = sqlite3.connect(uri, uri=True, timeout=timeout, check_same_thread=False)
        try:
            conn.execute("PRAGMA secure_delete = ON")
            conn.execute("PRAGMA synchronous = FULL")
        except sqlite3.Error:
            conn.close()
            raise
        return conn

    def prepare(self) -> None:
        """First open: create the data folder (mode 0700) and an empty file readable only by its owner."""
        if self.read_only or self.path.exists():
            return
        try:
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            os.close(fd)
        except FileExistsError:
            pass
        except PermissionError:
            raise unavailable("read_only") from None
        except OSError:
            raise unavailable("unavailable") from None

    def mark_created(self) -> None:
        """The schema exists: from now on connections never create the file, and its identity is kept."""
        self.created = True
        self._identity = self._stat_identity()

    def _stat_identity(self) -> tuple[int, int] | None:
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        return (st.st_dev, st.st_ino)

    def changed(self) -> bool:
        """Whether the file was moved, replaced or removed since the last look (then remembers the new one)."""
        identity = self._stat_identity()
        if identity == self._identity:
            return False
        self._identity = identity
        return True

    def check_present(self) -> None:
        """Raise the calm "folder/file missing" error when the file is gone."""
        if self._identity is None:
            reason = "folder_missing" if not self.path.parent.is_dir() else "file_missing"
            raise unavailable(reason)

    def checkpoint(self, timeout_s: float) -> None:
        """Fold the WAL into the file and empty it, so no copy of replaced or deleted text stays in ``-wal``.

        Another program reading an older snapshot can hold it up, or the file can be too busy to open; then it is
        tried again, without waiting, at the start of every later call until it succeeds. It never raises: it runs
        after a save has reached the file, and a save that happened must not be reported as failed.
        """
        try:
            conn = self.connect(timeout_s)
        except sqlite3.Error:
            busy = 1
        else:
            try:
                busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
            except sqlite3.Error:
                busy = 1
            finally:
                conn.close()
        self.checkpoint_pending = bool(busy)
        if busy:
            log.warning("WAL checkpoint could not finish (a reader was active); will retry")


class WriteQueue:
    """SQLite has one writer at a time: this server's sessions queue here, in order, instead of polling
    the file lock (which would report "locked" under a burst of saves). Other programs still meet the
    file lock and its short busy timeout."""

    def __init__(self, busy_timeout_s: float) -> None:
        self._busy_timeout_s = busy_timeout_s
        self._lock = threading.Lock()

    @contextmanager
    def turn(self) -> Iterator[None]:
        """Wait for this server's other writers (at most four busy timeouts, then "busy")."""
        if not self._lock.acquire(timeout=self._busy_timeout_s * 4):
            raise unavailable("busy")
        try:
            yield
        finally:
            self._lock.release()
