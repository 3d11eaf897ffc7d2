"""Results: the verdict and its reasons, status per dimension, findings by severity, open items,
the jurisdiction notes that apply, and the documents."""

from __future__ import annotations

import streamlit as st

from vigil.i18n import words
from vigil.i18n.formats import format_date
from vigil.models.checklist import Checklist
from vigil.models.common import Severity, pick
from vigil.models.results import Evaluation, Finding
from vigil.ui import chart, consent, documents
from vigil.ui.shell import Context, opened
from vigil.ui.text import md_escape


def _finding(ctx: Context, f: Finding) -> None:
    st.markdown(f"**{md_escape(words(f.message, ctx.lang))}**")
    st.markdown(f"{md_escape(ctx.t('ui.results.action'))}: {md_escape(words(f.action, ctx.lang))}")


def _verdict(ctx: Context, ev: Evaluation) -> None:
    verdict = ev.verdict.id.value
    with st.container(border=True, key="vigil.results.verdict"):
        st.caption(ctx.t("ui.results.verdict"))
        st.subheader(ctx.t(f"verdict.{verdict}"))
        st.write(ctx.t(f"ui.verdict.long.{verdict}"))
        cause = ev.verdict.cause
        if cause is not None:
            st.markdown(f"**{md_escape(ctx.t('ui.results.cause'))}**")
            _finding(ctx, cause)
        if ev.verdict.next:
            st.markdown(f"**{md_escape(ctx.t('ui.results.next'))}**")
            for f in ev.verdict.next:
                _finding(ctx, f)


def _dimensions(ctx: Context, checklist: Checklist, ev: Evaluation) -> None:
    st.subheader(ctx.t("ui.results.dimensions"))
    rows = chart.dimension_rows(checklist, ev, ctx.lang)
    st.altair_chart(chart.status_chart(rows, ctx.lang), width="stretch", height=chart.chart_height(rows) + 60)
    with st.expander(ctx.t("ui.results.as_text")):
        st.markdown("\n".join(
            f"- {md_escape(r.title)}: {md_escape(r.status_label)} "
            f"({md_escape(ctx.t('ui.results.answered', answered=r.answered, required=r.required))})"
            for r in rows
        ))


def _findings(ctx: Context, ev: Evaluation) -> None:
    st.subheader(ctx.t("ui.results.findings"))
    if not ev.findings:
        st.write(ctx.t("ui.results.no_findings"))
    for sev in Severity:
        group = [f for f in ev.findings if f.severity == sev]
        if not group:
            continue
        st.markdown(f"#### {md_escape(ctx.t(f'severity.{sev.value}'))} ({len(group)})")
        for f in group:
            with st.container(border=True):
                _finding(ctx, f)


def _open_items(ctx: Context, ev: Evaluation) -> None:
    st.subheader(ctx.t("ui.results.open_items"))
    if not ev.open_items:
        st.write(ctx.t("ui.results.no_open_items"))
        return
    for item in ev.open_items:
        with st.container(border=True):
            st.markdown(f"**{md_escape(pick(item.question, ctx.lang))}**")
            state = ctx.t("ui.open.state_done") if item.done else ctx.t("ui.open.state_open")
            due = format_date(item.due, ctx.lang) if item.due else ctx.t("ui.open.no_due")
            st.text(f"{ctx.t('ui.open.what')}: {item.what or '—'}\n{ctx.t('ui.open.who')}: {item.who or '—'}\n"
                    f"{ctx.t('ui.open.due')}: {due} · {state}")


def _jurisdictions(ctx: Context, checklist: Checklist, ev: Evaluation) -> None:
    st.subheader(ctx.t("ui.results.jurisdictions"))
    if not ev.jurisdictions:
        st.write(ctx.t("ui.results.no_jurisdictions"))
        return
    for jid in ev.jurisdictions:
        j = next(x for x in checklist.jurisdictions if x.id == jid)
        with st.container(border=True):
            st.markdown(f"**{md_escape(pick(j.name, ctx.lang))}**")
            st.write(md_escape(pick(j.requires, ctx.lang)))
            sources = [checklist.source(s) for s in j.sources]
            st.text("\n".join(s.title + (f" — {s.url}" if s.url else "") for s in sources))
            st.caption(ctx.t("ui.results.as_of", date=format_date(j.as_of, ctx.lang)))


def render(ctx: Context) -> None:
    st.title(ctx.t("ui.page.results"))
    here = opened(ctx, "results")
    if here is None:
        return
    checklist, ev = here.checklist, here.evaluation
    st.caption(md_escape(here.draft.meta.title or ctx.t("ui.untitled")))
    _verdict(ctx, ev)
    with st.container(horizontal=True, key="vigil_r_nav"):
        if st.button(ctx.t("ui.results.back"), key="vigil.r.back", icon=":material/arrow_back:"):
            ctx.go("questionnaire")
        if st.button(ctx.t("ui.results.family"), key="vigil.r.family", icon=":material/diversity_3:"):
            ctx.go("family")
    consent.people(ctx, checklist, ev, key="vigil_results_consent")
    _dimensions(ctx, checklist, ev)
    _findings(ctx, ev)
    _open_items(ctx, ev)
    _jurisdictions(ctx, checklist, ev)
    documents.panel(ctx, here.session, here.checklist, here.draft)
    st.caption(pick(checklist.notice, ctx.lang))
