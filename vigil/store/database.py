"""Reaching the database: the engine for a target, the schema brought up to this version's under the database's
schema lock, a driver's fault turned into a calm ``StoreUnavailableError``, and the session every read and write
runs in (guarding the SQLite file: ``vigil.store.sqlite_file``).

``SqlStore`` (``vigil.store.sql``) and the practice's tables (``vigil.store.practice_sql``) read and write in it.
SQLite runs in WAL mode with a short busy timeout (a locked file surfaces as a calm error within a second or two
instead of hanging the page).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from typing import Any

from sqlalchemy import Engine, Select, create_engine, text
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.pool import NullPool, QueuePool, StaticPool

from vigil.store import NotFoundError, StoreUnavailableError, migrate
from vigil.store.config import ServerTarget, SqliteTarget, Target
from vigil.store.faults import translate
from vigil.store.schema import dumps, loads
from vigil.store.sqlite_file import SqliteFile, WriteQueue

log = logging.getLogger("vigil.store")

BUSY_TIMEOUT_S = 1.5
MIGRATION_WAIT_S = 60.0
"""How long a starting server waits for another one's schema upgrade of the same SQLite file."""
CONNECT_TIMEOUT_S = 3
_LOGGING_NAME = "vigil"
_SCHEMA_LOCK_KEY = 0x76696769  # "vigi": serialises schema creation among app servers sharing one database


class Database:
    """One database (``target``), reached lazily and safely from every thread of an app server."""

    def __init__(self, target: Target, *, busy_timeout_s: float = BUSY_TIMEOUT_S) -> None:
        self.target = target
        self._busy_timeout_s = busy_timeout_s
        self._lock = threading.Lock()
        self._schema_ready = False
        self._file = (
            SqliteFile(target.path, read_only=target.read_only, busy_timeout_s=busy_timeout_s)
            if isinstance(target, SqliteTarget) and target.path is not None else None
        )
        self._path = self._file.path if self._file is not None else None
        self._writers = WriteQueue(busy_timeout_s) if isinstance(target, SqliteTarget) else None
        self._engine = self._make_engine()

    # ------------------------------------------------------------------ set-up

    def _make_engine(self) -> Engine:
        # Statements may be logged (their parameters are hidden), result rows never: they hold names and
        # answers. SQLAlchemy logs rows at DEBUG on this engine's own logger, so that logger stops at INFO.
        logging.getLogger(f"sqlalchemy.engine.Engine.{_LOGGING_NAME}").setLevel(logging.INFO)
        common: dict[str, Any] = {
            "json_serializer": dumps, "json_deserializer": loads, "hide_parameters": True,
            "logging_name": _LOGGING_NAME,
        }
        target = self.target
        if isinstance(target, ServerTarget):
            connect_args: dict[str, Any] = {"application_name": "vigil"}
            if "connect_timeout" not in target.url.query:
                connect_args["connect_timeout"] = CONNECT_TIMEOUT_S
            return create_engine(target.url, pool_pre_ping=True, connect_args=connect_args, **common)
        if self._file is None:
            memory = sqlite3.connect(":memory:", check_same_thread=False)
            return create_engine("sqlite://", creator=lambda: memory, poolclass=StaticPool, **common)
        file = self._file
        return create_engine("sqlite://", creator=lambda: file.connect(), poolclass=QueuePool, **common)

    def _ensure_schema(self) -> None:
        if self._schema_ready:
            return
        with self._lock:
            if self._schema_ready:
                return
            if self._file is not None:
                self._file.prepare()
            self._migrate()
            self._schema_ready = True
            if self._file is not None:
                self._file.mark_created()

    def _migrate(self) -> None:
        """Bring the schema up to this version's under the database's schema lock (``vigil.store.migrate``).

        PostgreSQL: an advisory transaction lock. SQLite: a write transaction (``BEGIN IMMEDIATE``) on a
        connection that waits up to ``MIGRATION_WAIT_S`` for another server's upgrade to finish.
        A read-only SQLite file is only checked.
        """
        engine = self._engine
        if self._file is not None:
            file = self._file
            engine = create_engine(
                "sqlite://", creator=lambda: file.connect(MIGRATION_WAIT_S), poolclass=NullPool,
                logging_name=_LOGGING_NAME, hide_parameters=True,
            )
        try:
            with self._faults(), engine.begin() as conn:
                if self._read_only:
                    if (found := migrate.check(conn)) != migrate.head():
                        raise migrate.SchemaOutdatedError(found=found or "empty", head=migrate.head())
                    return
                if conn.dialect.name == "postgresql":
                    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _SCHEMA_LOCK_KEY})
                else:
                    migrate.check(conn)  # before WAL mode is set: a newer database is not touched at all
                    conn.exec_driver_sql("PRAGMA journal_mode = WAL")
                    conn.exec_driver_sql("BEGIN IMMEDIATE")
                if migrate.upgrade(conn):
                    log.info("database schema upgraded to %s", migrate.head())
        finally:
            if engine is not self._engine:
                engine.dispose()

    @property
    def _read_only(self) -> bool:
        return isinstance(self.target, SqliteTarget) and self.target.read_only

    # ------------------------------------------------------------------ every operation

    def _check_file(self) -> None:
        """The SQLite file must still be where it was. Connections to a moved or replaced file are dropped."""
        if self._file is None:
            return
        with self._lock:
            if not self._file.changed():
                return
            self._engine.dispose()
        self._file.check_present()

    @contextmanager
    def _faults(self) -> Iterator[None]:
        fault: StoreUnavailableError | None = None
        try:
            yield
        except DBAPIError as exc:
            if isinstance(exc, IntegrityError):
                raise
            fault = translate(exc, self._path)
        except sqlite3.Error as exc:  # raised outside SQLAlchemy's wrapping (e.g. by a creator)
            fault = translate(DBAPIError(None, None, exc), self._path)
        # Pooled connections may be stuck in the fault (opened read-only, to a moved file, to a server that
        # went away): drop them so that the next call starts afresh once the fault has cleared.
        if fault is not None:
            self._engine.dispose()
            raise fault from None

    @contextmanager
    def _session(self, write: bool = False) -> Iterator[None]:
        self._ensure_schema()
        self._check_file()
        writer = self._writers.turn() if write and self._writers is not None else nullcontext()
        with writer, self._faults():
            if self._file is not None and self._file.checkpoint_pending:
                self._file.checkpoint(0)
            yield

    def _one(self, query: Select[Any]) -> Any:
        """The one value ``query`` selects. Raises ``NotFoundError`` when there is none."""
        with self._session(), self._engine.connect() as conn:
            value = conn.execute(query).scalar_one_or_none()
        if value is None:
            raise NotFoundError()
        return value

    # ------------------------------------------------------------------ for the owner

    @property
    def engine(self) -> Engine:
        """The database engine, for the consent link index that shares this database (``vigil.store.links``)."""
        self._ensure_schema()
        return self._engine

    def describe(self) -> str:
        """Which store is in use, for the app's footer. Never contains a password."""
        return self.target.describe()

    def close(self) -> None:
        """Close every pooled connection (the store opens new ones if it is used again)."""
        self._engine.dispose()

