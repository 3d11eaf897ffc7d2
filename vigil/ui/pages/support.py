"""Support: bereavement-support resources from the checklist, in the current language, as text only."""

from __future__ import annotations

import streamlit as st

from vigil.models.checklist import SupportResource
from vigil.models.common import pick
from vigil.ui.shell import Context
from vigil.ui.text import md_escape


def render(ctx: Context) -> None:
    st.title(ctx.t("ui.page.support"))
    st.write(ctx.t("ui.support.intro"))
    if ctx.checklist is not None:
        checklists = [ctx.checklist]
    else:
        checklists = ctx.catalog.latest() if ctx.catalog is not None else []
    resources: list[SupportResource] = []
    for c in checklists:
        resources += [r for r in c.support if r not in resources]
    mine = [r for r in resources if ctx.lang in r.languages]
    shown = mine or resources
    if not shown:
        st.write(ctx.t("ui.support.none"))
    for r in shown:
        with st.container(border=True):
            st.markdown(f"**{md_escape(pick(r.name, ctx.lang))}**")
            st.write(md_escape(pick(r.description, ctx.lang)))
            st.text(pick(r.contact, ctx.lang))
            st.caption(md_escape(f"{ctx.t('ui.support.region')}: {pick(r.region, ctx.lang)}"))
    st.caption(ctx.t("ui.support.emergency"))
