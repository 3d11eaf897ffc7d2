"""The assessment store on SQLAlchemy Core: an SQLite file by default, PostgreSQL by URL.

One table, ``assessments``: a few columns for the list of saved assessments and the whole assessment as a
JSON document (``jsonb`` on PostgreSQL). Every statement uses bound parameters. Every save is one
``UPDATE ... WHERE id = :id AND revision = :expected`` in one transaction (optimistic concurrency).

SQLite runs in WAL mode with a short busy timeout (a locked file surfaces as a calm error within a second or
two instead of hanging the page), ``secure_delete`` and a WAL checkpoint after each delete, so that a deleted
assessment's text is gone from the file. After the store has started it never creates the data folder or the
database file again: a vanished folder is reported, not silently replaced by an empty one.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Engine,
    create_engine,
    delete,
    func,
    select,
    text,
    update,
)
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.pool import QueuePool, StaticPool

from vigil.i18n import t
from vigil.models.assessment import Assessment
from vigil.store import (
    AlreadyExistsError,
    NotFoundError,
    StaleWriteError,
    StoredAssessment,
    StoreUnavailableError,
)
from vigil.store.config import ServerTarget, SqliteTarget, Target, resolve
from vigil.store.faults import translate, unavailable
from vigil.store.schema import as_utc, assessments, columns, document, dumps, load, metadata, stamped

log = logging.getLogger("vigil.store")

BUSY_TIMEOUT_S = 1.5
CONNECT_TIMEOUT_S = 3
_LOGGING_NAME = "vigil"
_SCHEMA_LOCK_KEY = 0x76696769  # "vigi": serialises schema creation among app servers sharing one database

class SqlStore:
    """``AssessmentStore`` on SQLAlchemy. Thread-safe; one object serves every session of an app server."""

    def __init__(self, target: Target, *, busy_timeout_s: float = BUSY_TIMEOUT_S) -> None:
        self.target = target
        self._busy_timeout_s = busy_timeout_s
        self._lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._schema_ready = False
        self._checkpoint_pending = False
        self._file_identity: tuple[int, int] | None = None
        self._path = target.path if isinstance(target, SqliteTarget) else None
        self._engine = self._make_engine()

    # ------------------------------------------------------------------ set-up

    def _make_engine(self) -> Engine:
        # Statements may be logged (their parameters are hidden), result rows never: they hold names and
        # answers. SQLAlchemy logs rows at DEBUG on this engine's own logger, so that logger stops at INFO.
        logging.getLogger(f"sqlalchemy.engine.Engine.{_LOGGING_NAME}").setLevel(logging.INFO)
        common: dict[str, Any] = {
            "json_serializer": dumps, "hide_parameters": True, "logging_name": _LOGGING_NAME,
        }
        target = self.target
        if isinstance(target, ServerTarget):
            connect_args: dict[str, Any] = {"application_name": "vigil"}
            if "connect_timeout" not in target.url.query:
                connect_args["connect_timeout"] = CONNECT_TIMEOUT_S
            return create_engine(target.url, pool_pre_ping=True, connect_args=connect_args, **common)
        if target.path is None:
            memory = sqlite3.connect(":memory:", check_same_thread=False)
            return create_engine("sqlite://", creator=lambda: memory, poolclass=StaticPool, **common)
        return create_engine("sqlite://", creator=lambda: self._sqlite_connect(), poolclass=QueuePool, **common)

    def _sqlite_connect(self, timeout_s: float | None = None) -> sqlite3.Connection:
        """A connection to the file. Only the first set-up may create it (``mode=rwc``); later ``mode=rw``."""
        assert self._path is not None
        target = self.target
        assert isinstance(target, SqliteTarget)
        mode = "ro" if target.read_only else ("rw" if self._schema_ready else "rwc")
        uri = f"{self._path.absolute().as_uri()}?mode={mode}"
        timeout = self._busy_timeout_s if timeout_s is None else timeout_s
        conn = sqlite3.connect(uri, uri=True, timeout=timeout, check_same_thread=False)
        try:
            conn.execute("PRAGMA secure_delete = ON")
            conn.execute("PRAGMA synchronous = FULL")
        except sqlite3.Error:
            conn.close()
            raise
        return conn

    def _ensure_schema(self) -> None:
        if self._schema_ready:
            return
        with self._lock:
            if self._schema_ready:
                return
            if self._path is not None:
                self._prepare_sqlite_file(self._path)
            with self._faults(), self._engine.begin() as conn:
                if conn.dialect.name == "postgresql":
                    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _SCHEMA_LOCK_KEY})
                elif not self._read_only:
                    conn.exec_driver_sql("PRAGMA journal_mode = WAL")
                metadata.create_all(conn)
            self._schema_ready = True
            if self._path is not None:
                self._file_identity = self._stat_identity()

    @property
    def _read_only(self) -> bool:
        return isinstance(self.target, SqliteTarget) and self.target.read_only

    def _prepare_sqlite_file(self, path: Path) -> None:
        """First open: create the data folder (mode 0700) and an empty file readable only by its owner."""
        if self._read_only or path.exists():
            return
        try:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            os.close(fd)
        except FileExistsError:
            pass
        except PermissionError:
            raise unavailable("read_only") from None
        except OSError:
            raise unavailable("unavailable") from None

    def _stat_identity(self) -> tuple[int, int] | None:
        assert self._path is not None
        try:
            st = os.stat(self._path)
        except OSError:
            return None
        return (st.st_dev, st.st_ino)

    # ------------------------------------------------------------------ every operation

    def _check_file(self) -> None:
        """The SQLite file must still be where it was. Connections to a moved or replaced file are dropped."""
        if self._path is None:
            return
        identity = self._stat_identity()
        if identity == self._file_identity:
            return
        with self._lock:
            self._engine.dispose()
            self._file_identity = identity
        if identity is None:
            reason = "folder_missing" if not self._path.parent.is_dir() else "file_missing"
            raise unavailable(reason)

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
        with self._writer() if write else nullcontext(), self._faults():
            if self._checkpoint_pending:
                self._checkpoint(0)
            yield

    @contextmanager
    def _writer(self) -> Iterator[None]:
        """SQLite has one writer at a time: this server's sessions queue here, in order, instead of polling
        the file lock (which would report "locked" under a burst of saves). Other programs still meet the
        file lock and its short busy timeout."""
        if isinstance(self.target, ServerTarget):  # the server queues writers itself
            yield
            return
        if not self._write_lock.acquire(timeout=self._busy_timeout_s * 4):
            raise unavailable("busy")
        try:
            yield
        finally:
            self._write_lock.release()

    @property
    def engine(self) -> Engine:
        """The database engine, for the consent link index that shares this database (``vigil.store.links``)."""
        self._ensure_schema()
        return self._engine

    # ------------------------------------------------------------------ the contract

    def create(self, assessment: Assessment) -> Assessment:
        stored = stamped(assessment, 1)
        doc = document(stored)
        now = dt.datetime.now(dt.UTC)
        row = {"id": stored.id, "created": stored.meta.created, **columns(stored, doc, now)}
        with self._session(write=True):
            try:
                with self._engine.begin() as conn:
                    conn.execute(assessments.insert().values(**row))
            except IntegrityError:
                raise AlreadyExistsError(t("en", "store.already_exists")) from None
        return load(doc)

    def get(self, assessment_id: str) -> Assessment:
        query = select(assessments.c.document).where(assessments.c.id == assessment_id)
        with self._session(), self._engine.connect() as conn:
            doc = conn.execute(query).scalar_one_or_none()
        if doc is None:
            raise NotFoundError(t("en", "store.not_found"))
        return load(doc)

    def save(self, assessment: Assessment) -> Assessment:
        expected = assessment.revision
        stored = stamped(assessment, expected + 1)
        doc = document(stored)
        now = dt.datetime.now(dt.UTC)
        tbl = assessments
        stmt = (
            update(tbl).where(tbl.c.id == stored.id, tbl.c.revision == expected)
            .values(**columns(stored, doc, now))
        )
        with self._session(write=True), self._engine.begin() as conn:
            if conn.execute(stmt).rowcount == 1:
                return load(doc)
            actual = conn.execute(select(tbl.c.revision).where(tbl.c.id == stored.id)).scalar_one_or_none()
        if actual is None:
            raise NotFoundError(t("en", "store.not_found"))
        raise StaleWriteError(stored.id, expected, actual)

    def delete(self, assessment_id: str) -> None:
        with self._session(write=True):
            with self._engine.begin() as conn:
                gone = conn.execute(delete(assessments).where(assessments.c.id == assessment_id)).rowcount
            if gone and self._path is not None:
                self._checkpoint(self._busy_timeout_s)
        if not gone:
            raise NotFoundError(t("en", "store.not_found"))

    def _checkpoint(self, timeout_s: float) -> None:
        """Fold the WAL into the file and empty it, so no copy of deleted text stays in ``-wal``.

        Another program reading an older snapshot can hold it up; then it is tried again, without waiting,
        at the start of every later call until it succeeds.
        """
        conn = self._sqlite_connect(timeout_s)
        try:
            busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        except sqlite3.Error:
            busy = 1
        finally:
            conn.close()
        self._checkpoint_pending = bool(busy)
        if busy:
            log.warning("WAL checkpoint after delete could not finish (a reader was active); will retry")

    def list(self) -> list[StoredAssessment]:
        tbl = assessments
        query = select(
            tbl.c.id, tbl.c.title, tbl.c.checklist_id, tbl.c.checklist_version, tbl.c.updated, tbl.c.revision
        ).order_by(tbl.c.updated.desc(), tbl.c.id)
        with self._session(), self._engine.connect() as conn:
            rows = conn.execute(query).all()
        return [
            StoredAssessment(
                id=r.id, title=r.title, checklist_id=r.checklist_id, checklist_version=r.checklist_version,
                updated=as_utc(r.updated), revision=r.revision,
            )
            for r in rows
        ]

    # ------------------------------------------------------------------ beyond the contract

    def count(self) -> int:
        with self._session(), self._engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(assessments)).scalar_one())

    def describe(self) -> str:
        """Which store is in use, for the app's footer. Never contains a password."""
        return self.target.describe()

    def close(self) -> None:
        """Close every pooled connection (the store opens new ones if it is used again)."""
        self._engine.dispose()


def open_store(url: str | None = None, *, busy_timeout_s: float = BUSY_TIMEOUT_S) -> SqlStore:
    """The store at ``url``, else ``VIGIL_DATABASE_URL``, else ``vigil.sqlite3`` in ``VIGIL_DATA_DIR``.

    Creates the schema now when the database can be reached; when it cannot (a server down, a locked file),
    the store is still returned and each call raises ``StoreUnavailableError`` until the fault clears.
    Raises ``StoreConfigError`` for an address that can never work.
    """
    store = SqlStore(resolve(url), busy_timeout_s=busy_timeout_s)
    try:
        store._ensure_schema()
    except StoreUnavailableError as exc:
        log.warning("store not ready at start (%s); will retry on use", exc.reason)
    return store
