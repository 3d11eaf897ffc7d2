"""Things created once per process, not on every rerun: the checklist catalog and the store."""

from __future__ import annotations

import os

import streamlit as st

from vigil.catalog import Catalog, load_catalog
from vigil.store import AssessmentStore
from vigil.store.links import LinkIndex


@st.cache_resource(show_spinner=False)
def _catalog(directory: str | None) -> Catalog:
    from pathlib import Path

    return load_catalog(Path(directory) if directory else None)


def catalog() -> Catalog:
    """Every checklist this Vigil has. Raises ``ChecklistError`` when a file is broken."""
    return _catalog(os.environ.get("VIGIL_CHECKLISTS"))


@st.cache_resource(show_spinner=False)
def _store(url: str | None, data_dir: str | None) -> AssessmentStore:
    # The arguments only key the cache: open_store reads the same settings itself.
    from vigil.store.sql import open_store
    from vigil.store.summary import catalog_summarizer

    del data_dir
    # the work queue's summary columns are computed with the same checklists the app shows
    return open_store(url, summarizer=catalog_summarizer(catalog))


def store() -> AssessmentStore:
    """The assessment store. Raises ``StoreUnavailableError`` when it cannot be opened now."""
    return _store(os.environ.get("VIGIL_DATABASE_URL"), os.environ.get("VIGIL_DATA_DIR"))


@st.cache_resource(show_spinner=False)
def _links(url: str | None, data_dir: str | None) -> LinkIndex:
    from vigil.store.sql import SqlStore

    held = _store(url, data_dir)
    assert isinstance(held, SqlStore)
    return LinkIndex(held.engine)


def links() -> LinkIndex:
    """The consent link index, in the store's database."""
    return _links(os.environ.get("VIGIL_DATABASE_URL"), os.environ.get("VIGIL_DATA_DIR"))
