"""One question on screen: its label, the widget of its kind (``vigil.ui.kind_widgets``), "don't know" with its
open item, the note and evidence, and (on demand) why it is asked. Widgets read from the draft and write to it
through callbacks (``vigil.ui.bind``); their keys name the assessment and the question.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from vigil import practice
from vigil.i18n.formats import widget_date_format
from vigil.models.assessment import Answer, Assessment
from vigil.models.checklist import Checklist, Question
from vigil.models.common import pick
from vigil.models.kinds import spec
from vigil.models.limits import LONG_TEXT_MAX, SHORT_TEXT_MAX
from vigil.ui import answers, kind_widgets
from vigil.ui.bind import LATEST, change, first_value
from vigil.ui.session import META, Session
from vigil.ui.shell import Context
from vigil.ui.text import md_escape

# --------------------------------------------------------------------------- callbacks


def _on_dont_know(session: Session, question: Question, key: str) -> None:
    change(session, question.id, answers.set_dont_know, question, bool(st.session_state.get(key)))


def _on_note(session: Session, qid: str, key: str) -> None:
    change(session, qid, answers.set_note, qid, st.session_state.get(key))


def _on_open_item(session: Session, qid: str, field: str, key: str) -> None:
    change(session, qid, answers.set_open_item, qid, field, st.session_state.get(key))


def _on_evidence(session: Session, qid: str, key: str, today: dt.date) -> None:
    upload = st.session_state.get(key)
    if upload is None:
        return
    evidence = answers.evidence_for(upload.name, upload.getvalue(), today)
    change(session, qid, answers.add_evidence, qid, evidence)


# --------------------------------------------------------------------------- label, don't know, open item


def _label(ctx: Context, q: Question, required_mark: bool) -> str:
    text = md_escape(pick(q.text, ctx.lang))
    return f"{text} {md_escape(ctx.t('ui.q.required'))}" if q.required and required_mark else text


def _dont_know_box(ctx: Context, session: Session, q: Question, answer: Answer | None) -> None:
    if not q.allow_dont_know or spec(q.kind).pick_one:  # there "don't know" is one more option of the radio
        return
    key = session.widget_key("dk", q.id)
    st.session_state[key] = bool(answer and answer.dont_know)  # follows the draft: a value ends "don't know"
    st.checkbox(ctx.t("ui.q.dont_know"), key=key, on_change=_on_dont_know, args=(session, q, key))


def _open_item(ctx: Context, session: Session, draft: Assessment, q: Question) -> None:
    item = draft.open_items.get(q.id)
    with st.container(border=True, key=session.widget_key("oi", q.id)):
        st.caption(ctx.t("ui.open.intro"))
        c1, c2 = st.columns(2)
        for col, fld in ((c1, "what"), (c2, "who")):
            key = session.widget_key("oi", q.id, fld)
            first_value(key, getattr(item, fld) if item else "")
            col.text_input(ctx.t(f"ui.open.{fld}"), key=key, max_chars=SHORT_TEXT_MAX,
                           on_change=_on_open_item, args=(session, q.id, fld, key))
        c3, c4 = st.columns(2)
        key = session.widget_key("oi", q.id, "due")
        first_value(key, item.due if item else None)
        c3.date_input(ctx.t("ui.open.due"), key=key, value=None, min_value=dt.date(2000, 1, 1),
                      max_value=LATEST, format=widget_date_format(ctx.lang),
                      on_change=_on_open_item, args=(session, q.id, "due", key))
        key = session.widget_key("oi", q.id, "done")
        first_value(key, bool(item and item.done))
        c4.checkbox(ctx.t("ui.open.done"), key=key, on_change=_on_open_item, args=(session, q.id, "done", key))


# --------------------------------------------------------------------------- why, note, evidence


def _more(ctx: Context, session: Session, checklist: Checklist, q: Question) -> None:
    with st.expander(ctx.t("ui.q.more")):
        st.markdown(f"**{md_escape(ctx.t('ui.q.rationale'))}**")
        st.write(md_escape(pick(q.rationale, ctx.lang)))
        if q.sources:
            st.markdown(f"**{md_escape(ctx.t('ui.q.sources'))}**")
            for sid in q.sources:
                src = checklist.source(sid)
                line = " · ".join(x for x in (src.title, src.publisher, src.date) if x)
                st.text(line + (f"\n{src.url}" if src.url else ""))
        for eid in q.examples:
            ex = checklist.example(eid)
            st.markdown(f"**{md_escape(ctx.t('ui.q.example'))}: {md_escape(pick(ex.title, ctx.lang))} "
                        f"({ex.year})**")
            if ex.describes_death:
                key = session.widget_key("ex", q.id, eid)
                st.caption(ctx.t("ui.q.content_note"))
                if not st.toggle(ctx.t("ui.q.show_example"), key=key):
                    continue
            st.write(md_escape(pick(ex.summary, ctx.lang)))
            st.caption(md_escape(", ".join(checklist.source(s).title for s in ex.sources)))


def _note_and_evidence(ctx: Context, session: Session, q: Question, answer: Answer | None, today: dt.date) -> None:
    a = answer or Answer()
    count = len(a.evidence) + (1 if a.note.strip() else 0)
    title = ctx.t("ui.q.note_evidence") + (f" ({count})" if count else "")
    with st.expander(title):
        key = session.widget_key("note", q.id)
        first_value(key, a.note)
        st.text_area(ctx.t("ui.q.note"), key=key, max_chars=LONG_TEXT_MAX, height=90,
                     on_change=_on_note, args=(session, q.id, key))
        st.caption(ctx.t("ui.evidence.intro"))
        for i, ev in enumerate(a.evidence):
            c1, c2 = st.columns([5, 1], vertical_alignment="center")
            c1.text(f"{ev.file_name}\nSHA-256 {ev.sha256}\n{ev.date.isoformat() if ev.date else ''}")
            c2.button(ctx.t("ui.evidence.remove"), key=session.widget_key("evrm", q.id, str(i), ev.sha256[:12]),
                      on_click=change, args=(session, q.id, answers.remove_evidence, q.id, i))
        key = session.widget_key("ev", q.id, str(len(a.evidence)))
        st.file_uploader(ctx.t("ui.evidence.add"), key=key, on_change=_on_evidence,
                         args=(session, q.id, key, today))


# --------------------------------------------------------------------------- one question


def question(ctx: Context, session: Session, checklist: Checklist, q: Question, required_mark: bool = True) -> None:
    """One question in its box. ``required_mark=False`` where no answer is required (the practice defaults)."""
    draft = session.draft
    assert draft is not None
    answer = draft.answers.get(q.id)
    with st.container(border=True, key=session.widget_key("box", q.id)):
        st.markdown(f"**{_label(ctx, q, required_mark)}**")
        filled = practice.mark(draft, q.id)
        if filled is not None:  # our own words: the answer came from the practice defaults or a template
            st.caption(":material/bookmark: " + ctx.t(f"ui.practice.mark.{filled.source}"))
        st.caption(md_escape(pick(q.help, ctx.lang)))
        kind_widgets.draw(kind_widgets.Drawing(ctx, session, checklist, q, answer))
        _dont_know_box(ctx, session, q, answer)
        if answer is not None and answer.dont_know:
            _open_item(ctx, session, draft, q)
        _more(ctx, session, checklist, q)
        _note_and_evidence(ctx, session, q, answer, ctx.today)


# --------------------------------------------------------------------------- the assessment's details


def _on_meta(session: Session, field: str, key: str) -> None:
    change(session, META, answers.set_meta, field, st.session_state.get(key))


def details(ctx: Context, session: Session) -> None:
    """The title and the maker's name, editable at any time."""
    draft = session.draft
    assert draft is not None
    with st.expander(ctx.t("ui.details.heading")):
        c1, c2 = st.columns(2)
        for col, field in ((c1, "title"), (c2, "assessor")):
            key = session.widget_key("meta", field)
            first_value(key, getattr(draft.meta, field))
            col.text_input(ctx.t(f"ui.details.{field}"), key=key, max_chars=SHORT_TEXT_MAX,
                           on_change=_on_meta, args=(session, field, key))
        st.caption(ctx.t("ui.details.help"))
