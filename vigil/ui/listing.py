"""The Start page's work queue without Streamlit: the query from the page's choices, and one row's details in the
user's language. The rows come from the store's summary columns (``vigil.store.queue``); nothing here loads or
evaluates a stored assessment.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from vigil.i18n.formats import short_date
from vigil.models.assessment import Assessment
from vigil.models.checklist import Checklist
from vigil.models.common import VerdictId
from vigil.store.queue import PAGE_SIZES, QueueQuery, QueueRow, Sort, Waiting

VERDICTS = (VerdictId.stop, VerdictId.resolve_first, VerdictId.proceed_with_conditions, VerdictId.ready)
WAITING = (Waiting.unanswered, Waiting.not_asked, Waiting.due)
SORTS = (Sort.updated, Sort.due)

Translate = Callable[..., str]


def person_name(checklist: Checklist, assessment: Assessment) -> str:
    """The person the assessment is about, through the checklist's document bindings."""
    qid = checklist.documents.person_name
    answer = assessment.answers.get(qid) if qid else None
    return (answer.text or "").strip() if answer and not answer.dont_know else ""


@dataclass(frozen=True)
class Choices:
    """What the user chose above the queue."""

    search: str = ""
    verdicts: tuple[str, ...] = ()
    waiting: tuple[str, ...] = ()
    sort: str = Sort.updated.value
    size: int = PAGE_SIZES[0]
    page: int = 0


def query(choices: Choices) -> QueueQuery:
    """The store query for the page's choices (unknown values, e.g. from an old session, are ignored)."""
    size = choices.size if choices.size in PAGE_SIZES else PAGE_SIZES[0]
    return QueueQuery(
        search=choices.search,
        verdicts=frozenset(VerdictId(v) for v in choices.verdicts if v in VerdictId.__members__),
        waiting=frozenset(Waiting(w) for w in choices.waiting if w in Waiting.__members__),
        sort=Sort(choices.sort) if choices.sort in Sort.__members__ else Sort.updated,
        offset=max(choices.page, 0) * size,
        limit=size,
    )


def page_count(total: int, size: int) -> int:
    return max(1, -(-total // max(size, 1)))


def local_time(value: dt.datetime) -> dt.datetime:
    """A stored time (UTC) as the clock of the machine Vigil runs on shows it, without the zone (for display)."""
    return value.astimezone().replace(tzinfo=None)


def when(value: dt.datetime, lang: str) -> str:
    """A stored time in the user's form: "02.12.2026 14:05" in German, "02/12/2026 14:05" in English."""
    local = local_time(value)
    return f"{short_date(local.date(), lang)} {local:%H:%M}"


def details(t: Translate, lang: str, row: QueueRow) -> list[str]:
    """The row's facts in our own words (verdict, progress, next due date, last change): no user text."""
    out: list[str] = []
    if row.verdict is not None:
        out.append(t(f"verdict.{row.verdict.value}"))
    else:
        out.append(t("ui.start.saved.no_checklist"))
    if row.answered is not None and row.required is not None:
        out.append(t("ui.start.saved.progress", answered=row.answered, required=row.required))
    if row.not_asked:
        out.append(t("ui.queue.row.not_asked", count=row.not_asked))
    if row.next_due is not None:
        out.append(t("ui.queue.row.due", date=short_date(row.next_due, lang)))
    out.append(t("ui.start.saved.updated", when=when(row.updated, lang)))
    return out


def table_columns(t: Translate) -> list[str]:
    return [t("ui.queue.col.title"), t("ui.queue.col.reference"), t("ui.queue.col.verdict"),
            t("ui.queue.col.progress"), t("ui.queue.col.due"), t("ui.queue.col.updated")]


Cell = str | dt.date | dt.datetime | None

SPREADSHEET_FORMULA = ("=", "+", "-", "@", "\t", "\r")
"""How a cell starts that a spreadsheet would run as a formula when the table is downloaded as CSV."""


def inert(text: str) -> str:
    """Text a spreadsheet shows as text: one that would start a formula gets a leading apostrophe (OWASP's advice
    for CSV injection), since the table's toolbar can download it as CSV."""
    return "'" + text if text.startswith(SPREADSHEET_FORMULA) else text


def date_columns(t: Translate) -> tuple[str, str]:
    """The names of the table's date column (next due) and time column (last changed)."""
    return t("ui.queue.col.due"), t("ui.queue.col.updated")


def cells(t: Translate, row: QueueRow) -> list[Cell]:
    """One table row: plain text (never Markdown, never a formula) and, for the last two columns, the due date and
    the local time of the last change as values, so that sorting by a column sorts by time, whatever the
    language's date form (the page gives the form)."""
    if row.problem is not None:
        state = t("ui.queue.cannot_open")
    elif row.verdict is not None:
        state = t(f"verdict.{row.verdict.value}")
    else:
        state = t("ui.start.saved.no_checklist")
    progress = ""
    if row.openable and row.answered is not None and row.required is not None:
        progress = t("ui.start.saved.progress", answered=row.answered, required=row.required)
    return [inert(row.title or t("ui.untitled")), inert(row.reference), state, progress,
            row.next_due, local_time(row.updated)]


def showing(t: Translate, total: int, offset: int, count: int) -> str:
    if total == 0:
        return t("ui.queue.none_match")
    return t("ui.queue.showing", first=offset + 1, last=offset + count, total=total)


def labels(t: Translate, prefix: str, values: Iterable[str]) -> dict[str, str]:
    return {v: t(f"{prefix}.{v}") for v in values}


def due_soon(row: QueueRow, today: dt.date) -> bool:
    return row.next_due is not None and row.next_due <= today
