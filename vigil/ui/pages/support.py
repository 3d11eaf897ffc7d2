"""Support: bereavement-support resources from the checklist, in the current language, as text only."""

from __future__ import annotations

import streamlit as st

from vigil.models.checklist import SupportResource
from vigil.models.common import pick
from vigil.support import support_for
from vigil.ui.shell import Context
from vigil.ui.text import md_escape
from vigil.visibility import visible_answers


def _offered(ctx: Context) -> list[SupportResource]:
    """With an assessment open: support for where its family lives (else in the reader's language). Without one:
    every checklist's resources in the reader's language (else all)."""
    draft = ctx.session.draft if ctx.session is not None else None
    if ctx.checklist is not None and draft is not None:
        _visible, answers = visible_answers(ctx.checklist, draft.answers, ctx.today)
        return support_for(ctx.checklist, answers, ctx.lang)
    resources: list[SupportResource] = []
    for c in ctx.catalog.latest() if ctx.catalog is not None else []:
        resources += [r for r in c.support if r not in resources]
    return [r for r in resources if ctx.lang in r.languages] or resources


def render(ctx: Context) -> None:
    st.title(ctx.t("ui.page.support"))
    st.write(ctx.t("ui.support.intro"))
    shown = _offered(ctx)
    if not shown:
        st.write(ctx.t("ui.support.none"))
    for r in shown:
        with st.container(border=True):
            st.markdown(f"**{md_escape(pick(r.name, ctx.lang))}**")
            st.write(md_escape(pick(r.description, ctx.lang)))
            st.text(pick(r.contact, ctx.lang))
            st.caption(md_escape(f"{ctx.t('ui.support.region')}: {pick(r.region, ctx.lang)}"))
    st.caption(ctx.t("ui.support.emergency"))
