"""The family view: written to the family, in plain words, from the same plan as the documents. What will be made,
of whom, for whom; who is being asked and what they may say; how to withdraw; where to find support. No scores, no
maker tasks, and no relative's position unless the maker chooses to share them. A one-page PDF to hand over.
"""

from __future__ import annotations

import streamlit as st

from vigil.render import RenderError, document_input
from vigil.render.family import family_payload
from vigil.render.payload import Row
from vigil.ui import documents
from vigil.ui.shell import Context, opened
from vigil.ui.text import md_escape

SHARE = "vigil.family.share_positions"


def _rows(rows: list[Row]) -> str:
    return "\n".join(f"- **{md_escape(r.label)}:** {md_escape(r.value) if r.decided else f'*{md_escape(r.value)}*'}"
                     for r in rows)


def render(ctx: Context) -> None:
    st.title(ctx.t("ui.page.family"))
    here = opened(ctx, "family")
    if here is None:
        return
    st.caption(ctx.t("ui.family.for_maker"))
    share = st.toggle(ctx.t("ui.family.share_positions"), key=SHARE, help=ctx.t("ui.family.share_positions.help"))
    try:
        inp = document_input(here.checklist, here.draft, ctx.lang, ctx.today, evaluation=here.evaluation,
                             share_positions=share)
    except RenderError as exc:  # pragma: no cover - reading answers does not render; kept for symmetry
        st.text(str(exc))
        return
    f = family_payload(inp)
    with st.container(border=True, key="vigil.family.letter"):
        st.header(md_escape(f.title))
        st.markdown(f"**{md_escape(f.to)}**")
        st.markdown(md_escape(f.intro))
        st.subheader(md_escape(f.s["family.what_title"]))
        st.markdown(_rows(f.what))
        st.subheader(md_escape(f.s["family.asked_title"]))
        st.markdown(md_escape(f.asked_intro))
        if f.asked:
            st.markdown("\n".join(f"- {md_escape(a)}" for a in f.asked))
        st.markdown(md_escape(f.s["family.answers_intro"]))
        st.markdown("\n".join(f"- {md_escape(a)}" for a in f.answers))
        st.subheader(md_escape(f.s["family.withdraw_title"]))
        st.markdown(_rows(f.withdraw) if f.withdraw else md_escape(f.s["family.withdraw_none"]))
        if f.footer_note:
            st.caption(md_escape(f.footer_note))
        if f.support:
            st.subheader(md_escape(f.s["family.support_title"]))
            for r in f.support:
                st.markdown(f"**{md_escape(r.name)}** · {md_escape(r.contact)}  \n{md_escape(r.description)}")
    st.markdown(f"**{md_escape(ctx.t('ui.docs.family'))}**")
    st.caption(ctx.t("ui.docs.family.help"))
    documents.offer(ctx, "family", here.session, here.checklist, here.draft, share_positions=share)
