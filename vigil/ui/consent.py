"""Who must agree, as Vigil works it out from the law: one compact line per person of the register, and the
sentence per right that applies. Shown under the relatives register and on the results page."""

from __future__ import annotations

import streamlit as st

from vigil.consent import person_words
from vigil.i18n import words
from vigil.i18n.formats import format_date
from vigil.models.checklist import Checklist
from vigil.models.results import ConsentNeed, Evaluation
from vigil.ui.shell import Context
from vigil.ui.text import md_escape

NEED_ICONS = {
    ConsentNeed.required: ":material/gavel:",
    ConsentNeed.advised: ":material/forum:",
    ConsentNeed.no_say: ":material/remove:",
}


def people(ctx: Context, checklist: Checklist, ev: Evaluation, key: str) -> None:
    """The per-person lines, then the rights that apply and why (in an expander)."""
    if checklist.law is None or not ev.consent:
        return
    with st.container(key=key):
        st.markdown(f"**{md_escape(ctx.t('ui.consent.heading'))}**")
        for pc in ev.consent:
            name, need, position = (words(x, ctx.lang) for x in person_words(checklist, pc))
            parts = [f"**{md_escape(name)}**", md_escape(need)]
            if position:
                parts.append(md_escape(position))
            st.markdown(f"{NEED_ICONS[pc.need]} " + " · ".join(parts))
        if ev.rights:
            with st.expander(ctx.t("ui.consent.why")):
                for r in ev.rights:
                    st.write(md_escape(words(r.reason, ctx.lang)))
                    st.caption(md_escape(
                        ", ".join(checklist.source(s).title for s in r.sources)
                        + " · " + ctx.t("ui.results.as_of", date=format_date(r.as_of, ctx.lang))))
        else:
            st.caption(ctx.t("ui.consent.no_rights"))
            for reason in ev.exempt:
                st.caption(md_escape(words(reason, ctx.lang)))
        st.caption(ctx.t("ui.consent.not_advice"))
