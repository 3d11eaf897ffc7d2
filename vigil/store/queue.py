"""The work queue: one page of saved assessments, searched, filtered and sorted on the summary columns.

Only the summary columns are read (never a document), so a page costs the same with 10 or 10,000 rows.
A row this version cannot read (written in a newer format by another server, or damaged) is listed with
``openable = False`` and why, so the page can say what to do.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Literal

from sqlalchemy import Select, and_, func, or_, select

from vigil.models.assessment import FORMAT_VERSION
from vigil.models.common import VerdictId
from vigil.store.schema import as_utc, assessments
from vigil.store.summary import search_key

PAGE_SIZES = (25, 50)
MAX_PAGE = 50
MAX_SEARCH = 200


class Waiting(StrEnum):
    """What an assessment waits for."""

    unanswered = "unanswered"  # questions not yet answered
    not_asked = "not_asked"  # people not yet asked
    due = "due"  # open items with a due date


class Sort(StrEnum):
    updated = "updated"  # most recently changed first
    due = "due"  # soonest due date first; those without one last


Unopenable = Literal["newer", "damaged"]


@dataclass(frozen=True)
class QueueQuery:
    search: str = ""
    verdicts: frozenset[VerdictId] = frozenset()
    waiting: frozenset[Waiting] = frozenset()
    sort: Sort = Sort.updated
    offset: int = 0
    limit: int = PAGE_SIZES[0]


@dataclass(frozen=True)
class QueueRow:
    id: str
    title: str
    reference: str
    updated: dt.datetime
    revision: int
    verdict: VerdictId | None
    answered: int | None
    required: int | None
    not_asked: int | None
    next_due: dt.date | None
    problem: Unopenable | None = None
    """Why this version cannot open the row (None: it can)."""

    @property
    def openable(self) -> bool:
        return self.problem is None


@dataclass(frozen=True)
class QueuePage:
    rows: list[QueueRow] = field(default_factory=list)
    total: int = 0
    """How many rows match the query (all pages)."""


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _where(query: QueueQuery) -> list[Any]:
    tbl = assessments
    where: list[Any] = []
    term = search_key(query.search.strip()[:MAX_SEARCH])
    if term:
        where.append(tbl.c.search.like(f"%{_escape_like(term)}%", escape="\\"))
    if query.verdicts:
        where.append(tbl.c.verdict.in_(sorted(v.value for v in query.verdicts)))
    waits = []
    if Waiting.unanswered in query.waiting:
        waits.append(tbl.c.unanswered > 0)
    if Waiting.not_asked in query.waiting:
        waits.append(tbl.c.not_asked > 0)
    if Waiting.due in query.waiting:
        waits.append(tbl.c.next_due.is_not(None))
    if waits:
        where.append(or_(*waits))
    return where


def page_statements(query: QueueQuery) -> tuple[Select[Any], Select[Any]]:
    """The statement for the rows of one page, and the one counting every match."""
    tbl = assessments
    where = _where(query)
    limit = max(1, min(query.limit, MAX_PAGE))
    order: list[Any]
    if query.sort == Sort.due:
        order = [tbl.c.next_due.is_(None), tbl.c.next_due, tbl.c.updated.desc(), tbl.c.id]
    else:
        order = [tbl.c.updated.desc(), tbl.c.id]
    rows = (
        select(
            tbl.c.id, tbl.c.title, tbl.c.reference, tbl.c.updated, tbl.c.revision, tbl.c.verdict,
            tbl.c.answered, tbl.c.required, tbl.c.not_asked, tbl.c.next_due, tbl.c.summary_state,
            tbl.c.format_version,
        )
        .where(and_(True, *where))
        .order_by(*order)
        .offset(max(query.offset, 0))
        .limit(limit)
    )
    count = select(func.count()).select_from(tbl).where(and_(True, *where))
    return rows, count


def row(r: Any) -> QueueRow:
    problem: Unopenable | None = None
    if r.format_version is not None and r.format_version > FORMAT_VERSION:
        problem = "newer"
    elif r.summary_state == "unreadable":
        problem = "damaged"
    verdict = None
    if problem is None and r.verdict in VerdictId.__members__:
        verdict = VerdictId(r.verdict)
    return QueueRow(
        id=r.id, title=r.title, reference=r.reference, updated=as_utc(r.updated), revision=r.revision,
        verdict=verdict, answered=r.answered, required=r.required, not_asked=r.not_asked,
        next_due=r.next_due, problem=problem,
    )
