"""The questionnaire: one section at a time, with a step list of every visible section and its state."""

from __future__ import annotations

import streamlit as st

from vigil.models.common import pick
from vigil.models.kinds import spec
from vigil.models.results import SectionState
from vigil.ui import consent, steps, style, widgets
from vigil.ui.shell import Context, opened
from vigil.ui.state import UiState
from vigil.ui.text import md_escape

STATE_ICONS = {
    SectionState.not_started: ":material/radio_button_unchecked:",
    SectionState.in_progress: ":material/pending:",
    SectionState.complete: ":material/check_circle:",
    SectionState.has_concerns: ":material/flag:",
}


def _go_to(state: UiState, assessment_id: str, section_id: str) -> None:
    state.sections[assessment_id] = section_id


def render(ctx: Context) -> None:
    here = opened(ctx, "questionnaire", title=ctx.t("ui.page.questionnaire"))
    if here is None:
        return
    session, draft, checklist, ev = here.session, here.draft, here.checklist, here.evaluation
    ui = ctx.state
    visible = [s.id for s in ev.sections]
    order = [s.id for s in checklist.sections]
    current = steps.current_section(visible, order, ui.sections.get(draft.id))
    st.title(pick(checklist.title, ctx.lang))
    st.caption(md_escape(draft.meta.title or ctx.t("ui.untitled")))
    widgets.details(ctx, session)
    if current is None:
        st.info(ctx.t("ui.q.nothing"), icon=":material/info:")
        return
    ui.sections[draft.id] = current
    moved = ui.shown.get(draft.id) not in (None, current)
    ui.shown[draft.id] = current
    by_id = {s.id: s for s in ev.sections}
    steps_col, main = st.columns([1, 3], gap="large")
    with steps_col, st.container(key="vigil_steps"):
        st.markdown(f"**{md_escape(ctx.t('ui.q.steps'))}**")
        for n, sid in enumerate(visible, start=1):
            state = by_id[sid].state
            title = pick(checklist.sections[order.index(sid)].title, ctx.lang)
            st.button(f"{n}. {md_escape(title)}", key=f"vigil.step.{draft.id}.{sid}", icon=STATE_ICONS[state],
                      type="primary" if sid == current else "tertiary", width="stretch",
                      help=ctx.t(f"ui.section.{state.value}"), on_click=_go_to, args=(ui, draft.id, sid))
        st.caption(ctx.t("ui.q.legend"))
        style.accessible_names({
            f"vigil.step.{draft.id}.{sid}":
                f"{n}. {pick(checklist.sections[order.index(sid)].title, ctx.lang)}, "
                f"{ctx.t(f'ui.section.{by_id[sid].state.value}')}"
            for n, sid in enumerate(visible, start=1)
        })
    section = checklist.sections[order.index(current)]
    with main:
        position = visible.index(current) + 1
        st.caption(ctx.t("ui.q.step_of", n=position, total=len(visible),
                         state=ctx.t(f"ui.section.{by_id[current].state.value}")))
        st.header(pick(section.title, ctx.lang))
        if section.intro:
            st.write(md_escape(pick(section.intro, ctx.lang)))
        shown = set(by_id[current].visible_questions)
        for q in section.questions:
            if q.id in shown:
                widgets.question(ctx, session, checklist, q)
                if spec(q.kind).field == "people":  # a register: how its people stand on consent
                    consent.people(ctx, checklist, ev, key=f"vigil_consent_{q.id}")
        before, after = steps.neighbours(visible, current)
        with st.container(horizontal=True, horizontal_alignment="distribute", key="vigil_q_nav"):
            if before is not None:
                st.button(ctx.t("ui.q.back"), key="vigil.q.back", icon=":material/arrow_back:",
                          on_click=_go_to, args=(ui, draft.id, before))
            else:
                st.space("small")
            if after is not None:
                st.button(ctx.t("ui.q.next"), key="vigil.q.next", type="primary", icon=":material/arrow_forward:",
                          on_click=_go_to, args=(ui, draft.id, after))
            elif st.button(ctx.t("ui.q.to_results"), key="vigil.q.results", type="primary",
                           icon=":material/insights:"):
                ctx.go("results")
        st.caption(pick(checklist.notice, ctx.lang))
    if moved:
        # drawn last, so that adding it does not shift (and so redraw) the elements of the page above it
        style.scroll_to_top(current)
