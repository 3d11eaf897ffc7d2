"""``vigil list``: the work queue from the store, as the Start page shows it (text, CSV or JSON Lines)."""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Iterator
from typing import Any

from vigil import i18n
from vigil.cli.common import EXIT_OK, CliError
from vigil.cli.stores import store_or_fail
from vigil.cli.table import one_line, write
from vigil.i18n.faults import fault_words
from vigil.models.common import VerdictId
from vigil.store import StoreError
from vigil.store.queue import MAX_PAGE, QueueQuery, QueueRow, Sort, Waiting
from vigil.store.sql import SqlStore

COLUMNS = ("id", "reference", "title", "verdict", "answered", "required", "not_asked", "next_due", "updated",
           "problem")


def _rows(store: SqlStore, query: QueueQuery, limit: int | None) -> Iterator[QueueRow]:
    offset, given = 0, 0
    while True:
        page = store.queue(dataclasses.replace(query, offset=offset, limit=MAX_PAGE))
        for row in page.rows:
            if limit is not None and given >= limit:
                return
            given += 1
            yield row
        offset += MAX_PAGE
        if offset >= page.total or not page.rows:
            return


def _record(row: QueueRow) -> dict[str, Any]:
    return {
        "id": row.id, "reference": row.reference, "title": row.title,
        "verdict": row.verdict.value if row.verdict else None, "answered": row.answered, "required": row.required,
        "not_asked": row.not_asked, "next_due": row.next_due.isoformat() if row.next_due else None,
        "updated": row.updated.isoformat(), "problem": row.problem,
    }


def cmd_list(args: argparse.Namespace) -> int:
    store = store_or_fail(args.database)
    query = QueueQuery(search=args.search or "", verdicts=frozenset(VerdictId(v) for v in args.verdict or ()),
                       waiting=frozenset(Waiting(w) for w in args.waiting or ()), sort=Sort(args.sort))
    try:
        rows = list(_rows(store, query, args.limit))
    except StoreError as exc:
        raise CliError(fault_words(exc)) from None
    finally:
        store.close()
    if args.format in ("csv", "jsonl"):
        write((_record(r) for r in rows), COLUMNS, args.format)
        return EXIT_OK
    t = i18n.t
    for r in rows:
        if r.problem:
            state = t(args.lang, f"ui.queue.cannot_open.{r.problem}").split(":")[0]
        elif r.verdict:
            state = t(args.lang, f"verdict.{r.verdict.value}")
        else:
            state = t(args.lang, "ui.start.saved.no_checklist")
        progress = f"{r.answered}/{r.required}" if r.answered is not None else "-"
        due = r.next_due.isoformat() if r.next_due else "-"
        print("\t".join(one_line(x) for x in (r.reference or "-", r.title or "-", state, progress, due, r.id)))
    return EXIT_OK


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("list", help="list the stored assessments (the app's work queue)")
    p.add_argument("--verdict", action="append", choices=[v.value for v in VerdictId],
                   help="only these verdicts (repeatable)")
    p.add_argument("--waiting", action="append", choices=[w.value for w in Waiting],
                   help="only those waiting for: unanswered questions, people not yet asked, open items due "
                        "(repeatable; any of them)")
    p.add_argument("--search", help="title or reference contains this")
    p.add_argument("--sort", choices=[s.value for s in Sort], default=Sort.updated.value)
    p.add_argument("--limit", type=int, default=None)
    p.add_argument("--format", choices=["text", "csv", "jsonl"], default="text")
    p.add_argument("--lang", choices=list(i18n.available_languages()), default="en")
    p.add_argument("--database", metavar="URL", default=None,
                   help="the store (default: VIGIL_DATABASE_URL, else the app's SQLite file)")
    p.set_defaults(func=cmd_list)
