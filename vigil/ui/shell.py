"""What every page shares: the run's context (language, catalog, store, open assessment, evaluation, the
session's state) and the resume-by-link handling.

The page interface: a page is a module in ``vigil/ui/pages/`` with one function ``render(ctx: Context) -> None``,
listed in ``vigil/ui/navigation.py`` (id, module, icon). ``app.py`` calls ``prepare()`` once per run and
``navigation.pages(ctx)`` builds the ``st.Page`` callables that pass that context to ``render``. A page keeps what
it must remember between reruns in ``ctx.state`` (one typed ``UiState``, vigil/ui/state.py), moves to another page
with ``ctx.go(page_id)`` and never reads a global. To test a page on its own: ``render(prepare())`` in
``AppTest.from_function`` (tests/ui/pages/).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import streamlit as st

from vigil.catalog import Catalog, ChecklistError
from vigil.engine import evaluate
from vigil.i18n import t
from vigil.i18n.formats import tn
from vigil.models.assessment import Assessment
from vigil.models.checklist import Checklist
from vigil.models.results import Evaluation
from vigil.store import AssessmentStore, NotFoundError, StoreError, StoreUnavailableError, UnreadableError
from vigil.ui import language, resources
from vigil.ui.session import Session
from vigil.ui.state import KEY, Flash, UiState

URL_PARAM = "a"


def _nowhere(page_id: str) -> None:
    """Where ``ctx.go`` leads when no navigation is set up (a page tested on its own): nowhere, quietly."""
    del page_id
    st.stop()


@dataclass
class Context:
    """Everything a page needs for one run. The evaluation is computed once per run."""

    lang: str
    today: dt.date
    state: UiState
    catalog: Catalog | None
    store: AssessmentStore | None
    session: Session | None
    checklist: Checklist | None = None
    evaluation: Evaluation | None = None
    problem: str | None = None
    resumed: bool = False
    """This run opened the assessment from a link (``?a=<id>``)."""
    pages: dict[str, Any] = field(default_factory=dict)
    navigate: Callable[[str], None] = _nowhere

    def t(self, key: str, /, **params: object) -> str:
        return t(self.lang, key, **params)

    def go(self, page_id: str) -> None:
        """Switch page, keeping the open assessment's id (and nothing else) in the URL."""
        self.navigate(page_id)


def ui_state() -> UiState:
    """The session's one state object (created on first use)."""
    value = st.session_state.get(KEY)
    if not isinstance(value, UiState):
        value = UiState()
        st.session_state[KEY] = value
    return value


# --------------------------------------------------------------------------- flash messages


def flash(ctx: Context, key: str, **params: str) -> None:
    """A calm message shown once, on the next page drawn (e.g. after "take a break")."""
    ctx.state.flash = Flash(key, dict(params))


def pop_flash(ctx: Context) -> Flash | None:
    message, ctx.state.flash = ctx.state.flash, None
    return message


# --------------------------------------------------------------------------- preparing a run


def _language(state: UiState) -> str:
    if state.lang is None:
        state.lang = language.initial_language(st.context.cookies.get(language.COOKIE), st.context.locale)
    return state.lang


def prepare() -> Context:
    """Build this run's context: resume from ``?a=<id>``, keep the URL in step, evaluate once."""
    state = ui_state()
    lang = _language(state)
    today = dt.date.today()
    ctx = Context(lang=lang, today=today, state=state, catalog=None, store=None, session=None)
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
    session = Session(state, ctx.store)
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


def bare() -> Context:
    """The context of a page that opens no assessment and reads nothing from the URL (a relative's page): the
    session's state and language only."""
    state = ui_state()
    return Context(lang=_language(state), today=dt.date.today(), state=state, catalog=None, store=None,
                   session=None)


def _sync_url(ctx: Context, session: Session) -> None:
    """The URL carries only the open assessment's id; a link with another id resumes that assessment."""
    wanted = st.query_params.get(URL_PARAM)
    synced = ctx.state.url_synced
    draft = session.draft
    if wanted and wanted != synced and (draft is None or draft.id != wanted):
        try:
            session.open(wanted)
        except NotFoundError:
            del st.query_params[URL_PARAM]
            flash(ctx, "ui.flash.link_not_found")
        except UnreadableError as exc:  # a newer Vigil's or a damaged row: say so calmly, list it on Start
            del st.query_params[URL_PARAM]
            flash(ctx, exc.i18n_key)
        except StoreUnavailableError:
            ctx.problem = t(ctx.lang, "ui.problem.store")
        else:
            ctx.state.url_synced = wanted
            ctx.resumed = True
        return
    if draft is not None:
        if wanted != draft.id:
            st.query_params[URL_PARAM] = draft.id
        ctx.state.url_synced = draft.id
    elif wanted:
        del st.query_params[URL_PARAM]


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
        ctx.go("start")
    return None
