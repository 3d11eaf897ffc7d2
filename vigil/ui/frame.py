"""Drawn on every page: the sidebar (language, take a break, live status) and the saving banner."""

from __future__ import annotations

import streamlit as st

from vigil.i18n import available_languages, language_name, words
from vigil.i18n.formats import tn
from vigil.models.common import Severity
from vigil.ui import language, style
from vigil.ui.session import SaveStatus
from vigil.ui.shell import Context, flash
from vigil.ui.state import UiState
from vigil.ui.text import md_escape, shorten

LANG_WIDGET = "vigil.lang_widget"
MAX_SIDEBAR_FINDINGS = 5
RETRY_EVERY_S = 5.0
"""How often answers kept while the store was unavailable are offered to it again."""


def _on_language(state: UiState) -> None:
    lang = st.session_state.get(LANG_WIDGET)
    if lang in available_languages():
        state.lang = lang
        state.cookie_pending = lang


def _language_selector(ctx: Context) -> None:
    if st.session_state.get(LANG_WIDGET) != ctx.lang:
        st.session_state[LANG_WIDGET] = ctx.lang
    st.radio(ctx.t("ui.language.label"), list(available_languages()), format_func=language_name,
             key=LANG_WIDGET, on_change=_on_language, args=(ctx.state,), horizontal=True)
    # Drawn on every run until the browser has the cookie (it sends its cookies when it connects): a rerun that
    # a quick next click interrupts could otherwise lose it, and a reload would forget the choice.
    chosen = ctx.state.cookie_pending
    if chosen is not None and chosen != st.context.cookies.get(language.COOKIE):
        st.html(language.cookie_script(chosen), unsafe_allow_javascript=True)


def _take_a_break(ctx: Context) -> None:
    session = ctx.session
    draft = session.draft if session else None
    if session is not None and draft is not None and session.status == SaveStatus.unavailable:
        session.save()  # the store may be back: try once more before saying anything
    if session is not None and draft is not None and session.status != SaveStatus.saved:
        # never say "everything is saved" when it is not, and never drop the only copy of the latest answers
        st.toast(ctx.t("ui.break.not_saved"), icon=":material/info:")
        return
    if draft is not None and session is not None:
        title = draft.meta.title or ctx.t("ui.untitled")
        flash(ctx, "ui.flash.break", title=title, id=draft.id)
        session.close()
        ctx.state.url_synced = None
    else:
        flash(ctx, "ui.flash.break_none")
    st.switch_page(ctx.pages["start"])


def _live_status(ctx: Context) -> None:
    ev, checklist, session = ctx.evaluation, ctx.checklist, ctx.session
    if ev is None or checklist is None or session is None or session.draft is None:
        return
    st.subheader(ctx.t("ui.status.heading"))
    st.caption(md_escape(shorten(session.draft.meta.title or ctx.t("ui.untitled"), 60)))
    verdict = ev.verdict.id.value
    st.markdown(f"**{md_escape(ctx.t(f'verdict.{verdict}'))}**")
    st.caption(ctx.t(f"ui.verdict.short.{verdict}"))
    p = ev.progress
    st.progress(min(p.ratio, 1.0), text=ctx.t("ui.status.progress", answered=p.answered, required=p.required))
    concerns = [f for f in ev.findings if f.origin != "incomplete"]
    if concerns:
        counts = []
        for sev in Severity:
            n = sum(1 for f in concerns if f.severity == sev)
            if n:
                counts.append(f"{ctx.t(f'severity.{sev.value}')}: {n}")
        st.markdown(f"**{md_escape(ctx.t('ui.status.findings'))}**")
        st.caption(md_escape(" · ".join(counts)))
        lines = [f"- {md_escape(shorten(words(f.message, ctx.lang), 110))}"
                 for f in concerns[:MAX_SIDEBAR_FINDINGS]]
        if len(concerns) > MAX_SIDEBAR_FINDINGS:
            lines.append(f"- {md_escape(tn(ctx.lang, 'ui.status.more', len(concerns) - MAX_SIDEBAR_FINDINGS))}")
        st.caption("\n".join(lines))
    else:
        st.caption(ctx.t("ui.status.no_findings"))
    saved = session.status == SaveStatus.saved
    st.caption(ctx.t("ui.save.ok") if saved else ctx.t("ui.save.not_saved"))


def sidebar(ctx: Context, page: str) -> None:
    """The family view keeps the sidebar free of scores and colours: no live status there."""
    style.apply(ctx.lang)
    with st.sidebar:
        _language_selector(ctx)
        if st.button(ctx.t("ui.break.button"), icon=":material/coffee:", key="vigil.break",
                     width="stretch"):
            _take_a_break(ctx)
        st.caption(ctx.t("ui.break.hint"))
        if page != "family":
            st.divider()
            _live_status(ctx)


# --------------------------------------------------------------------------- the saving banner


def _safely(ctx: Context, action: str) -> None:
    if ctx.session is not None:
        ctx.session.resolve(action)


@st.fragment(run_every=RETRY_EVERY_S)
def _retry_in_background(ctx: Context) -> None:
    """Drawn only while the store is unavailable: every few seconds, try to save the kept answers again; once
    that works, draw the whole page again (the banner gives way to a calm "saved now")."""
    session = ctx.session
    if session is not None and session.retry_pending(RETRY_EVERY_S):
        st.rerun(scope="app")


def banner(ctx: Context) -> None:
    """Shown at the top of every page while the open assessment is not saved."""
    if ctx.problem:
        st.info(ctx.problem, icon=":material/info:")
    session = ctx.session
    if session is None or session.draft is None:
        return
    if ctx.state.refused > ctx.state.refused_told:  # the save guard stopped a change: say so, calmly, once
        ctx.state.refused_told = ctx.state.refused
        st.toast(ctx.t("ui.save.refused"), icon=":material/info:")
    status = session.status
    announced, ctx.state.announced = ctx.state.announced, status
    if status == SaveStatus.saved:
        if ctx.state.saved_later:  # the background retry saved what was kept: say so, once
            ctx.state.saved_later = False
            st.info(ctx.t("ui.save.saved_later"), icon=":material/task_alt:")
        return
    if announced != status:  # the banner is at the top; say it where the user is looking, once
        st.toast(ctx.t("ui.save.toast"), icon=":material/info:")
    with st.container(border=True, key="vigil.banner"):
        st.markdown(f"**{md_escape(ctx.t(f'ui.save.{status.value}.title'))}**")
        st.write(ctx.t(f"ui.save.{status.value}.body"))
        if status == SaveStatus.unavailable:
            st.write(ctx.t(session.reason_key))
        cols = st.columns(2)
        if status == SaveStatus.stale:
            cols[0].button(ctx.t("ui.save.stale.theirs"), key="vigil.save.theirs",
                           on_click=_safely, args=(ctx, "theirs"))
            cols[1].button(ctx.t("ui.save.stale.mine"), key="vigil.save.mine",
                           on_click=_safely, args=(ctx, "mine"))
        elif status == SaveStatus.unavailable:
            cols[0].button(ctx.t("ui.save.unavailable.retry"), key="vigil.save.retry", icon=":material/refresh:",
                           on_click=_safely, args=(ctx, "retry"))
            _retry_in_background(ctx)
        elif status == SaveStatus.not_found:
            cols[0].button(ctx.t("ui.save.not_found.new"), key="vigil.save.new",
                           on_click=_safely, args=(ctx, "new"))
            if cols[1].button(ctx.t("ui.save.not_found.leave"), key="vigil.save.leave"):
                session.close()
                ctx.go("start")
