"""The assessment store on SQLAlchemy Core: an SQLite file by default, PostgreSQL by URL.

One table, ``assessments``: a few columns for the list of saved assessments and the whole assessment as a
JSON document (``jsonb`` on PostgreSQL). Every statement uses bound parameters. Every save is one
``UPDATE ... WHERE id = :id AND revision = :expected`` in one transaction (optimistic concurrency).

This module reads and writes assessments. Reaching the database (the engine, the schema under its lock, faults
into calm errors) is ``vigil.store.database``; guarding the SQLite file (its permissions, a moved or replaced
file, the one-writer queue, WAL checkpoints) is ``vigil.store.sqlite_file``. A checkpoint follows every save
and delete, so that replaced and deleted text leaves the files.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence

from sqlalchemy import and_, delete, func, or_, select, update
from sqlalchemy.exc import IntegrityError

from vigil.models.assessment import FORMAT_VERSION, Assessment, is_id
from vigil.practice import settle
from vigil.store import (
    AlreadyExistsError,
    NotFoundError,
    StaleWriteError,
    StoredAssessment,
    StoreUnavailableError,
    UnreadableError,
)
from vigil.store.config import Target, resolve
from vigil.store.database import BUSY_TIMEOUT_S
from vigil.store.links import forget as forget_links
from vigil.store.practice_sql import PracticeTables
from vigil.store.queue import QueuePage, QueueQuery, page_statements
from vigil.store.queue import row as queue_row
from vigil.store.schema import (
    as_utc,
    assessments,
    columns,
    document,
    dumps,
    load,
    raw_format_version,
    stamped,
    summary_columns,
)
from vigil.store.summary import SUMMARY_VERSION, Summarizer, Summary, basic, catalog_summarizer

log = logging.getLogger("vigil.store")
_NOT_NEWER = or_(assessments.c.format_version.is_(None), assessments.c.format_version <= FORMAT_VERSION)


def _known_form(assessment_id: str) -> None:
    """An id that cannot be an assessment's (from a URL, say: a NUL, a quote, 10,000 characters) is not found,
    without a query: no database sees it, and no driver error can be taken for an unreachable server."""
    if not isinstance(assessment_id, str) or not is_id(assessment_id):
        raise NotFoundError()


class SqlStore(PracticeTables):
    """``AssessmentStore`` on SQLAlchemy. Thread-safe; one object serves every session of an app server."""

    def __init__(self, target: Target, *, busy_timeout_s: float = BUSY_TIMEOUT_S,
                 summarizer: Summarizer | None = None) -> None:
        super().__init__(target, busy_timeout_s=busy_timeout_s)
        self._summarizer = summarizer or catalog_summarizer()

    # ------------------------------------------------------------------ the contract

    def create(self, assessment: Assessment) -> Assessment:
        stored = stamped(settle(assessment), 1)
        doc = document(stored)
        now = dt.datetime.now(dt.UTC)
        row = {"id": stored.id, "created": stored.meta.created, **columns(stored, doc, now, self._summary(stored))}
        with self._session(write=True):
            try:
                with self._engine.begin() as conn:
                    conn.execute(assessments.insert().values(**row))
            except IntegrityError:
                raise AlreadyExistsError() from None
        return load(doc)

    def create_many(self, batch: Sequence[Assessment]) -> list[Assessment]:
        """Insert several new assessments in one transaction: all of them, or none (``AlreadyExistsError``)."""
        now = dt.datetime.now(dt.UTC)
        docs, rows = [], []
        for assessment in batch:
            stored = stamped(settle(assessment), 1)
            doc = document(stored)
            docs.append(doc)
            rows.append({"id": stored.id, "created": stored.meta.created,
                         **columns(stored, doc, now, self._summary(stored))})
        if not rows:
            return []
        with self._session(write=True):
            try:
                with self._engine.begin() as conn:
                    conn.execute(assessments.insert(), rows)
            except IntegrityError:
                raise AlreadyExistsError() from None
        return [load(doc) for doc in docs]

    def get(self, assessment_id: str) -> Assessment:
        _known_form(assessment_id)
        return load(self._one(select(assessments.c.document).where(assessments.c.id == assessment_id)))

    def save(self, assessment: Assessment) -> Assessment:
        _known_form(assessment.id)
        expected = assessment.revision
        stored = stamped(settle(assessment), expected + 1)
        doc = document(stored)
        now = dt.datetime.now(dt.UTC)
        tbl = assessments
        stmt = (
            update(tbl)
            # a row in a newer format (written by a newer Vigil) is never overwritten in this older one
            .where(tbl.c.id == stored.id, tbl.c.revision == expected, _NOT_NEWER)
            .values(**columns(stored, doc, now, self._summary(stored)))
        )
        with self._session(write=True):
            with self._engine.begin() as conn:
                saved = conn.execute(stmt).rowcount == 1
                actual = None if saved else conn.execute(
                    select(tbl.c.revision).where(tbl.c.id == stored.id)).scalar_one_or_none()
            if saved and self._file is not None:
                self._file.checkpoint(0)  # replaced text leaves -wal now (or at the next call, if a reader holds it)
        if saved:
            return load(doc)
        if actual is None:
            raise NotFoundError()
        if actual == expected:  # the revision matches, so the row is in a newer format
            raise UnreadableError(reason="newer")
        raise StaleWriteError(stored.id, expected, actual)

    def delete(self, assessment_id: str) -> None:
        _known_form(assessment_id)
        with self._session(write=True):
            with self._engine.begin() as conn:
                gone = conn.execute(delete(assessments).where(assessments.c.id == assessment_id)).rowcount
                forget_links(conn, assessment_id)  # its relatives' links open nothing any more
            if gone and self._file is not None:
                self._file.checkpoint(self._busy_timeout_s)
        if not gone:
            raise NotFoundError()

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

    def _summary(self, stored: Assessment) -> Summary:
        """The summary columns; a fault in evaluating never stops a save (the row then lists no verdict)."""
        try:
            return self._summarizer(stored)
        except Exception as exc:  # the save matters more than its summary
            log.warning("could not summarise an assessment (%s); saved without a verdict", type(exc).__name__)
            return basic(stored)

    def queue(self, query: QueueQuery) -> QueuePage:
        """One page of the work queue (reads only the summary columns)."""
        rows_stmt, count_stmt = page_statements(query)
        with self._session(), self._engine.connect() as conn:
            rows = conn.execute(rows_stmt).all()
            total = int(conn.execute(count_stmt).scalar_one())
        return QueuePage(rows=[queue_row(r) for r in rows], total=total)

    def raw(self, assessment_id: str) -> str:
        """The stored document exactly as kept, as JSON text (to download a row this version cannot open)."""
        doc = self._one(select(assessments.c.document).where(assessments.c.id == assessment_id))
        return doc if isinstance(doc, str) else dumps(doc)

    def refresh_summaries(self, batch: int = 200) -> int:
        """Summarise the rows whose summary is missing or older (after an upgrade). Rows in a newer format are
        left to the newer Vigil that wrote them. Returns how many rows were summarised."""
        tbl = assessments
        stale = and_(tbl.c.summary_version < SUMMARY_VERSION, _NOT_NEWER)
        pending = or_(tbl.c.summary_state == "pending", stale)
        done = 0
        while True:
            with self._session(), self._engine.connect() as conn:
                found = conn.execute(
                    select(tbl.c.id, tbl.c.revision, tbl.c.document).where(pending).order_by(tbl.c.id).limit(batch)
                ).all()
            if not found:
                return done
            updates = []
            for r in found:
                try:
                    values = summary_columns(self._summary(load(r.document)))
                except UnreadableError:
                    values = {"summary_state": "unreadable", "summary_version": SUMMARY_VERSION,
                              "format_version": _int_or_none(raw_format_version(r.document))}
                updates.append((r.id, r.revision, values))
            with self._session(write=True), self._engine.begin() as conn:
                for aid, revision, values in updates:
                    # only if unchanged since it was read: a save in between wrote its own summary
                    conn.execute(update(tbl).where(tbl.c.id == aid, tbl.c.revision == revision).values(**values))
            done += len(updates)
            if len(found) < batch:
                return done

    def count(self) -> int:
        with self._session(), self._engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(assessments)).scalar_one())


def _int_or_none(value: object) -> int | None:
    return min(value, 2**31 - 1) if isinstance(value, int) and not isinstance(value, bool) else None


def open_store(url: str | None = None, *, busy_timeout_s: float = BUSY_TIMEOUT_S,
               summarizer: Summarizer | None = None) -> SqlStore:
    """The store at ``url``, else ``VIGIL_DATABASE_URL``, else ``vigil.sqlite3`` in ``VIGIL_DATA_DIR``.

    Creates the schema now when the database can be reached; when it cannot (a server down, a locked file),
    the store is still returned and each call raises ``StoreUnavailableError`` until the fault clears.
    Raises ``StoreConfigError`` for an address that can never work.
    """
    store = SqlStore(resolve(url), busy_timeout_s=busy_timeout_s, summarizer=summarizer)
    try:
        store._ensure_schema()
        if not store._read_only:
            store.refresh_summaries()
    except StoreUnavailableError as exc:
        log.warning("store not ready at start (%s); will retry on use", exc.reason)
    return store
