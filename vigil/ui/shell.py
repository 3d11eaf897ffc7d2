"""What every page shares: the run's context (language, catalog, store, open assessment, evaluation),
the list of pages, and the resume-by-link handling. Pages call ``context()``.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import MutableMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import streamlit as st

from vigil.catalog import Catalog, ChecklistError
from vigil.engine import evaluate
from vigil.i18n import t
from vigil.i18n.formats import tn
from vigil.models.assessment import Assessment
from vigil.models.checklist import Checklist
from vigil.models.results import Evaluation
from vigil.store import AssessmentStore, NotFoundError, StoreError, StoreUnavailableError
from vigil.ui import language, resources
from vigil.ui.session import Session

LANG = "vigil.lang"
FLASH = "vigil.flash"
URL_PARAM = "a"
URL_SYNCED = "vigil.url_synced"


@dataclass
class Context:
    """Everything a page needs for one run. The evaluation is computed once per run."""

    lang: str
    today: dt.date
    catalog: Catalog | None
    store: AssessmentStore | None
    session: Session | None
    checklist: Checklist | None = None
    evaluation: Evaluation | None = None
    problem: str | None = None
    resumed: bool = False
    """This run opened the assessment from a link (``?a=<id>``)."""
    pages: dict[str, Any] = field(default_factory=dict)

    def t(self, key: str, /, **params: object) -> str:
        return t(self.lang, key, **params)


_local = threading.local()


def context() -> Context:
    ctx: Context = _local.ctx
    return ctx


# --------------------------------------------------------------------------- flash messages


def flash(key: str, **params: str) -> None:
    """A calm message shown once, on the next page drawn (e.g. after "take a break")."""
    st.session_state[FLASH] = (key, params)


def pop_flash() -> tuple[str, dict[str, str]] | None:
    value = st.session_state.pop(FLASH, None)
    return value if isinstance(value, tuple) else None


# --------------------------------------------------------------------------- preparing a run


def _language() -> str:
    lang = st.session_state.get(LANG)
    if not isinstance(lang, str):
        lang = language.initial_language(st.context.cookies.get(language.COOKIE), st.context.locale)
        st.session_state[LANG] = lang
    return lang


def prepare() -> Context:
    """Build this run's context: resume from ``?a=<id>``, keep the URL in step, evaluate once."""
    lang = _language()
    today = dt.date.today()
    ctx = Context(lang=lang, today=today, catalog=None, store=None, session=None)
    _local.ctx = ctx
    try:
        ctx.catalog = resources.catalog()
    except ChecklistError as exc:
        ctx.problem = tn(lang, "ui.problem.catalog", len(exc.problems))
        return ctx
    try:
        ctx.store = resources.store()
    except StoreError as exc:
        key = exc.i18n_key if isinstance(exc, StoreUnavailableError) else None
        ctx.problem = t(lang, key) if key else str(exc)
        return ctx
    session = Session(cast("MutableMapping[str, Any]", st.session_state), ctx.store)
    ctx.session = session
    _sync_url(ctx, session)
    draft = session.draft
    if draft is not None:
        pin = draft.checklist
        if ctx.catalog.has(pin.id, pin.version):
            ctx.checklist = ctx.catalog.get(pin.id, pin.version)
            ctx.evaluation = evaluate(ctx.checklist, draft, today)
        else:
            ctx.problem = t(lang, "ui.problem.checklist_missing", checklist=pin.id, version=pin.version)
    return ctx


def _sync_url(ctx: Context, session: Session) -> None:
    """The URL carries only the open assessment's id; a link with another id resumes that assessment."""
    wanted = st.query_params.get(URL_PARAM)
    synced = st.session_state.get(URL_SYNCED)
    draft = session.draft
    if wanted and wanted != synced and (draft is None or draft.id != wanted):
        try:
            session.open(wanted)
        except NotFoundError:
            del st.query_params[URL_PARAM]
            flash("ui.flash.link_not_found")
        except StoreUnavailableError:
            ctx.problem = t(ctx.lang, "ui.problem.store")
        else:
            st.session_state[URL_SYNCED] = wanted
            ctx.resumed = True
        return
    if draft is not None:
        if wanted != draft.id:
            st.query_params[URL_PARAM] = draft.id
        st.session_state[URL_SYNCED] = draft.id
    elif wanted:
        del st.query_params[URL_PARAM]


# --------------------------------------------------------------------------- pages and navigation


PAGES_DIR = Path(__file__).parent / "pages"
PAGE_IDS = ("start", "questionnaire", "results", "family", "credentials", "support")
_ICONS = {
    "start": ":material/home:",
    "questionnaire": ":material/checklist:",
    "results": ":material/insights:",
    "family": ":material/diversity_3:",
    "credentials": ":material/verified:",
    "support": ":material/volunteer_activism:",
}


def pages(ctx: Context) -> list[Any]:
    """The pages in navigation order, titled in the current language. Each is a script in ``pages/``."""
    out = []
    for pid in PAGE_IDS:
        page = st.Page(PAGES_DIR / f"{pid}.py", title=ctx.t(f"ui.page.{pid}"), icon=_ICONS[pid],
                       url_path=pid, default=pid == "start")
        ctx.pages[pid] = page
        out.append(page)
    return out


def go(page_id: str) -> None:
    """Switch page, keeping the open assessment's id (and nothing else) in the URL."""
    ctx = context()
    session = ctx.session
    draft = session.draft if session else None
    params = {URL_PARAM: draft.id} if draft is not None else None
    st.switch_page(ctx.pages[page_id], query_params=params)


@dataclass(frozen=True)
class Opened:
    """The open assessment, its checklist and this run's evaluation, all present."""

    session: Session
    draft: Assessment
    checklist: Checklist
    evaluation: Evaluation


def opened(ctx: Context, page_id: str, title: str | None = None) -> Opened | None:
    """The open assessment; when there is none, say so (under ``title``) with the way back to Start."""
    if ctx.session is not None and ctx.session.draft is not None and ctx.checklist is not None \
            and ctx.evaluation is not None:
        return Opened(ctx.session, ctx.session.draft, ctx.checklist, ctx.evaluation)
    if title:
        st.title(title)
    st.info(ctx.t("ui.none_open"), icon=":material/info:")
    if st.button(ctx.t("ui.to_start"), key=f"vigil.{page_id}.to_start"):
        go("start")
    return None
