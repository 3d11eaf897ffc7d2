"""The family view: the verdict, its reasons and what to do, in plain words. No scores, no colours."""

from __future__ import annotations

import streamlit as st

from vigil.models.common import pick
from vigil.ui.listing import person_name
from vigil.ui.shell import Context, opened
from vigil.ui.text import md_escape


def render(ctx: Context) -> None:
    st.title(ctx.t("ui.page.family"))
    here = opened(ctx, "family")
    if here is None:
        return
    checklist, ev = here.checklist, here.evaluation
    st.write(ctx.t("ui.family.intro"))
    person = person_name(here.checklist, here.draft)
    if person:
        st.caption(ctx.t("ui.family.about"))
        st.text(person)
    st.header(ctx.t(f"verdict.{ev.verdict.id.value}"))
    st.write(ctx.t(f"ui.verdict.long.{ev.verdict.id.value}"))
    concerns = [f for f in ev.findings if f.severity.rank > 0]
    if concerns:
        st.subheader(ctx.t("ui.family.why"))
        st.markdown("\n".join(f"- {md_escape(pick(f.message, ctx.lang))}" for f in ev.verdict.reasons))
        st.subheader(ctx.t("ui.family.next"))
        seen: list[str] = []
        for f in concerns:
            action = pick(f.action, ctx.lang)
            if action not in seen:
                seen.append(action)
        st.markdown("\n".join(f"{i}. {md_escape(a)}" for i, a in enumerate(seen, start=1)))
    else:
        st.write(ctx.t("ui.family.nothing"))
    open_items = [i for i in ev.open_items if not i.done]
    if open_items:
        st.subheader(ctx.t("ui.family.open"))
        for item in open_items:
            st.markdown(f"- {md_escape(pick(item.question, ctx.lang))}")
            if item.who or item.what:
                st.text(" · ".join(x for x in (item.what, item.who) if x))
    st.caption(pick(checklist.notice, ctx.lang))
