"""The store and the checklists for the commands that use the store (import, list)."""

from __future__ import annotations

from vigil.catalog import Catalog, ChecklistError, load_catalog
from vigil.cli.common import CliError
from vigil.i18n.faults import fault_words
from vigil.store import StoreError
from vigil.store.sql import SqlStore, open_store
from vigil.store.summary import catalog_summarizer


def catalog_or_fail() -> Catalog:
    try:
        return load_catalog()
    except ChecklistError as exc:
        raise CliError(f"the shipped checklists have problems; run 'vigil validate'. First: {exc.problems[0]}") \
            from None


def store_or_fail(url: str | None, catalog: Catalog | None = None) -> SqlStore:
    """The store at ``url``, else where the app keeps it (VIGIL_DATABASE_URL, else the SQLite file)."""
    try:
        store = open_store(url, summarizer=catalog_summarizer(catalog) if catalog is not None else None)
        store.count()  # reach it now: a fault is one clear line here, not a traceback later
    except StoreError as exc:
        raise CliError(fault_words(exc)) from None
    return store
