"""The app's pages in navigation order, and moving between them.

Each page is a module in ``vigil/ui/pages/`` with ``render(ctx)``; ``app.py`` hands ``pages(ctx)`` to
``st.navigation``. The pages import the shared context from ``vigil.ui.shell``; this module sits above both.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

import streamlit as st

from vigil.ui.pages import credentials, family, practice, questionnaire, results, start, support
from vigil.ui.shell import URL_PARAM, Context

PAGES: list[tuple[str, ModuleType, str]] = [
    ("start", start, ":material/home:"),
    ("questionnaire", questionnaire, ":material/checklist:"),
    ("results", results, ":material/insights:"),
    ("family", family, ":material/diversity_3:"),
    ("credentials", credentials, ":material/verified:"),
    ("support", support, ":material/volunteer_activism:"),
    ("practice", practice, ":material/tune:"),
]


def _runner(module: ModuleType, ctx: Context) -> Callable[[], None]:
    def run() -> None:
        module.render(ctx)

    return run


def pages(ctx: Context) -> list[Any]:
    """The pages in navigation order, titled in the current language; each runs its module's ``render(ctx)``."""
    out = []
    for pid, module, icon in PAGES:
        page = st.Page(_runner(module, ctx), title=ctx.t(f"ui.page.{pid}"), icon=icon, url_path=pid,
                       default=pid == "start")
        ctx.pages[pid] = page
        out.append(page)
    ctx.navigate = lambda page_id: _switch(ctx, page_id)
    return out


def _switch(ctx: Context, page_id: str) -> None:
    session = ctx.session
    draft = session.draft if session else None
    params = {URL_PARAM: draft.id} if draft is not None else None
    st.switch_page(ctx.pages[page_id], query_params=params)
