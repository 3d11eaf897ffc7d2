"""``vigil import``: assessment files, or order lists (CSV or JSON Lines) that become assessments from the practice
defaults, into the store the app uses (``--database`` or the same resolution as the app: vigil/store/config.py).

Each bad row is reported as ``FILE:LINE: what is wrong`` on stderr and nothing of it is stored; the other rows
are. Exit code 0 when everything was imported, 2 when anything was left out.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from vigil import orders
from vigil.assessment_file import AssessmentFileError, parse_assessment
from vigil.catalog import Catalog
from vigil.cli.common import EXIT_OK, EXIT_USAGE, CliError, parse_date
from vigil.cli.stores import catalog_or_fail, store_or_fail
from vigil.cli.table import one_line
from vigil.i18n.faults import fault_words
from vigil.models.assessment import Assessment, new_id
from vigil.store import StoreError
from vigil.store.sql import SqlStore

BATCH = 200


def _report(path: str, line: int | None, message: str) -> None:
    where = f"{path}:{line}" if line is not None else path
    print(one_line(f"{where}: {message}"), file=sys.stderr)


def _orders(path: Path, kind: str, store: SqlStore, catalog: Catalog, today: dt.date, lang: str) -> tuple[int, int]:
    checklist = catalog.latest()[0]
    defaults = store.practice_defaults(checklist.id)
    maker = store.profile().maker
    try:
        rows = list(orders.read_orders(path.read_bytes(), kind))
    except orders.OrderError as exc:
        _report(str(path), None, str(exc))
        return 0, 1
    made: list[Assessment] = []
    bad = 0
    for line, order in rows:
        if isinstance(order, str):
            _report(str(path), line, order)
            bad += 1
            continue
        try:
            made.append(orders.order_assessment(checklist, order, today=today, language=lang, defaults=defaults,
                                                maker=maker))
        except ValueError as exc:
            _report(str(path), line, str(exc))
            bad += 1
    for start in range(0, len(made), BATCH):
        store.create_many(made[start:start + BATCH])
    return len(made), bad


def _assessment_file(path: Path, store: SqlStore, catalog: Catalog) -> tuple[int, int]:
    try:
        assessment, _ = parse_assessment(path.read_bytes(), catalog)
    except AssessmentFileError as exc:
        _report(str(path), None, str(exc))
        return 0, 1
    store.create(assessment.model_copy(update={"id": new_id(), "revision": 0}))  # never over a stored one
    return 1, 0


def cmd_import(args: argparse.Namespace) -> int:
    catalog = catalog_or_fail()
    store = store_or_fail(args.database, catalog)
    imported = bad = 0
    try:
        for name in args.files:
            path = Path(name)
            if not path.is_file():
                _report(name, None, "no such file")
                bad += 1
                continue
            suffix = path.suffix.lower()
            if suffix in (".csv", ".jsonl"):
                done, failed = _orders(path, suffix[1:], store, catalog, args.today, args.lang)
            else:
                done, failed = _assessment_file(path, store, catalog)
            imported += done
            bad += failed
    except StoreError as exc:
        raise CliError(fault_words(exc)) from None
    finally:
        store.close()
    print(f"imported {imported} assessment(s) into {store.describe()}"
          + (f"; {bad} left out (see above)" if bad else ""))
    return EXIT_USAGE if bad else EXIT_OK


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("import", help="import assessment files or order lists (CSV, JSON Lines) into the store",
                       description=orders.__doc__)
    p.add_argument("files", metavar="FILE", nargs="+",
                   help="an assessment file (.json) or an order list (.csv or .jsonl)")
    p.add_argument("--database", metavar="URL", default=None,
                   help="the store (default: VIGIL_DATABASE_URL, else the app's SQLite file)")
    p.add_argument("--lang", default="en", help="language of the new assessments (default: en)")
    p.add_argument("--today", type=parse_date, default=dt.date.today(), help="check dates as of this day")
    p.set_defaults(func=cmd_import)
