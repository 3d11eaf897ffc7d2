"""Turn database faults into ``StoreUnavailableError`` naming the fault's kind (``reason``).

The edges say it to a person (``vigil.i18n.faults``): what is wrong, what to do. Nothing in the error carries
SQL, a traceback, answers, names or a password. Only the fault's kind is logged, never the driver's message
(which can quote SQL or values).
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from vigil.store import StoreUnavailableError

log = logging.getLogger("vigil.store")

REASONS = (
    "locked", "read_only", "folder_missing", "file_missing", "disk_full", "damaged",
    "server_unreachable", "server_refused", "busy", "unavailable",
)


def unavailable(reason: str) -> StoreUnavailableError:
    log.warning("store unavailable: %s", reason)
    return StoreUnavailableError(reason=reason)


def _sqlite_reason(err: sqlite3.Error, db_path: Path | None) -> str:
    code = getattr(err, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(err).lower()
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "locked" in text:
        return "locked"
    if primary == sqlite3.SQLITE_FULL or "disk is full" in text:
        return "disk_full"
    if primary in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB) or "malformed" in text:
        return "damaged"
    if db_path is not None and not db_path.parent.is_dir():
        return "folder_missing"
    if db_path is not None and not db_path.exists():
        return "file_missing"
    if primary in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM, sqlite3.SQLITE_CANTOPEN) or "readonly" in text:
        return "read_only"
    return "unavailable"


# SQLSTATE classes and codes (https://www.postgresql.org/docs/current/errcodes-appendix.html)
_PG_REFUSED = ("28", "3D", "42501")  # auth; no such database; permission denied
_PG_REFUSED_HINTS = ("does not exist", "authentication failed", "no pg_hba.conf entry", "permission denied")
_PG_BUSY = ("40001", "40P01", "55P03", "57014")  # serialization, deadlock, lock wait, cancelled


def _pg_reason(err: BaseException | None) -> str:
    state = getattr(err, "sqlstate", None) or ""
    if state.startswith(_PG_REFUSED):
        return "server_refused"
    if state == "25006":  # read-only transaction (a standby, or default_transaction_read_only)
        return "read_only"
    if state.startswith("53"):
        return "disk_full" if state == "53100" else "busy"
    if state in _PG_BUSY:
        return "busy"
    if not state and any(hint in str(err) for hint in _PG_REFUSED_HINTS):
        return "server_refused"  # connection failures carry no SQLSTATE in psycopg, only the server's text
    # Otherwise the connection itself failed (refused, timed out, closed); 08xxx, 57P0x: server going away.
    return "server_unreachable"


def translate(exc: DBAPIError, db_path: Path | None) -> StoreUnavailableError:
    """The calm error for a driver-level fault. ``db_path`` is the SQLite file (None for a server)."""
    orig = exc.orig
    reason = _sqlite_reason(orig, db_path) if isinstance(orig, sqlite3.Error) else _pg_reason(orig)
    log.warning("store fault %s (%s)", reason, type(orig).__name__)
    return StoreUnavailableError(reason=reason)
