"""One question on screen: its widget by kind, "don't know" with its open item, the people register,
the note and evidence, and (on demand) why it is asked. Widgets read from the draft and write to it
through callbacks; their keys name the assessment and the question.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Any

import streamlit as st

from vigil import practice
from vigil.i18n import t
from vigil.i18n.formats import widget_date_format
from vigil.models.assessment import Answer, Assessment
from vigil.models.checklist import Checklist, PeopleField, PeopleFieldKind, Question, QuestionKind
from vigil.models.common import pick
from vigil.models.limits import LONG_TEXT_MAX, PEOPLE_MAX, SHORT_TEXT_MAX
from vigil.ui import answers, consent_panel
from vigil.ui.session import META, Session
from vigil.ui.shell import Context
from vigil.ui.text import md_escape

EARLIEST = dt.date(1800, 1, 1)
LATEST = dt.date(2200, 12, 31)


def _init(key: str, value: Any) -> None:
    """Give a widget its value from the draft the first time it is drawn."""
    if key not in st.session_state:
        st.session_state[key] = value


def _change(session: Session, touches: str, mutate: Any, *args: Any) -> None:
    """Apply one user action to the draft; ``touches`` names the one question (or ``META``) it may change."""
    session.change(lambda a: mutate(a, *args), (touches,))


# --------------------------------------------------------------------------- callbacks


def _on_value(session: Session, question: Question, key: str) -> None:
    _change(session, question.id, answers.set_value, question, st.session_state.get(key))


def _on_dont_know(session: Session, question: Question, key: str) -> None:
    _change(session, question.id, answers.set_dont_know, question, bool(st.session_state.get(key)))


def _on_note(session: Session, qid: str, key: str) -> None:
    _change(session, qid, answers.set_note, qid, st.session_state.get(key))


def _on_open_item(session: Session, qid: str, field: str, key: str) -> None:
    _change(session, qid, answers.set_open_item, qid, field, st.session_state.get(key))


def _on_evidence(session: Session, qid: str, key: str, today: dt.date) -> None:
    upload = st.session_state.get(key)
    if upload is None:
        return
    evidence = answers.evidence_for(upload.name, upload.getvalue(), today)
    _change(session, qid, answers.add_evidence, qid, evidence)


def _on_person(session: Session, question: Question, pid: str, fid: str, key: str) -> None:
    _change(session, question.id, answers.set_person_value, question, pid, fid, st.session_state.get(key))


# --------------------------------------------------------------------------- the main widget


def _label(ctx: Context, q: Question) -> str:
    text = md_escape(pick(q.text, ctx.lang))
    return f"{text} {md_escape(ctx.t('ui.q.required'))}" if q.required else text


def _option_label(lang: str, q: Question, option_id: str) -> str:
    # A module-level function (with functools.partial) keeps the widget picklable.
    if option_id == answers.DONT_KNOW:
        return t(lang, "answer.dont_know")
    if q.kind == QuestionKind.yes_no:
        return t(lang, f"answer.{option_id}")
    option = next(o for o in q.options if o.id == option_id)
    return pick(option.label, lang)


def _label_from(labels: dict[str, str], option_id: str) -> str:
    return labels.get(option_id, option_id)


def _main_widget(ctx: Context, session: Session, q: Question, answer: Answer | None) -> None:
    key = session.widget_key("q", q.id)
    label = pick(q.text, ctx.lang)  # the visible label is drawn above, escaped; this one is for screen readers
    _init(key, answers.widget_value(q, answer))
    args = (session, q, key)
    if q.kind in (QuestionKind.single_choice, QuestionKind.yes_no):
        options = answers.choice_options(q)
        st.radio(label, options, key=key, label_visibility="collapsed", on_change=_on_value, args=args,
                 format_func=partial(_option_label, ctx.lang, q), horizontal=q.kind == QuestionKind.yes_no)
    elif q.kind == QuestionKind.multi_choice:
        st.multiselect(label, list(q.option_ids()), key=key, label_visibility="collapsed",
                       on_change=_on_value, args=args, format_func=partial(_option_label, ctx.lang, q),
                       placeholder=ctx.t("ui.q.choose"))
    elif q.kind == QuestionKind.short_text:
        st.text_input(label, key=key, label_visibility="collapsed", on_change=_on_value, args=args,
                      max_chars=SHORT_TEXT_MAX)
    elif q.kind == QuestionKind.long_text:
        st.text_area(label, key=key, label_visibility="collapsed", on_change=_on_value, args=args,
                     max_chars=LONG_TEXT_MAX)
    elif q.kind == QuestionKind.number:
        st.number_input(label, key=key, label_visibility="collapsed", on_change=_on_value, args=args,
                        min_value=q.min, max_value=q.max, value=None, step=1.0, format="%g")
    elif q.kind == QuestionKind.date:
        st.date_input(label, key=key, label_visibility="collapsed", on_change=_on_value, args=args, min_value=EARLIEST,
                      max_value=LATEST, value=None, format=widget_date_format(ctx.lang))


def _dont_know_box(ctx: Context, session: Session, q: Question, answer: Answer | None) -> None:
    if not q.allow_dont_know or q.kind in (QuestionKind.single_choice, QuestionKind.yes_no):
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
            _init(key, getattr(item, fld) if item else "")
            col.text_input(ctx.t(f"ui.open.{fld}"), key=key, max_chars=SHORT_TEXT_MAX,
                           on_change=_on_open_item, args=(session, q.id, fld, key))
        c3, c4 = st.columns(2)
        key = session.widget_key("oi", q.id, "due")
        _init(key, item.due if item else None)
        c3.date_input(ctx.t("ui.open.due"), key=key, value=None, min_value=dt.date(2000, 1, 1),
                      max_value=LATEST, format=widget_date_format(ctx.lang),
                      on_change=_on_open_item, args=(session, q.id, "due", key))
        key = session.widget_key("oi", q.id, "done")
        _init(key, bool(item and item.done))
        c4.checkbox(ctx.t("ui.open.done"), key=key, on_change=_on_open_item, args=(session, q.id, "done", key))


# --------------------------------------------------------------------------- the people register


def _person_field(ctx: Context, session: Session, q: Question, pid: str, fld: PeopleField,
                  stored: str | list[str] | None) -> None:
    key = session.widget_key("p", q.id, pid, fld.id)
    _init(key, answers.person_widget_value(q, fld.id, stored))
    # Widget labels become the field's accessible name as they are: plain checklist text, not escaped Markdown.
    label = pick(fld.label, ctx.lang) + (f" {ctx.t('ui.q.required')}" if fld.required else "")
    args = (session, q, pid, fld.id, key)
    if fld.kind == PeopleFieldKind.single_choice:
        labels = {o.id: pick(o.label, ctx.lang) for o in fld.options}
        st.selectbox(label, list(labels), key=key, on_change=_on_person, args=args,
                     format_func=partial(_label_from, labels), placeholder=ctx.t("ui.q.choose"))
    elif fld.kind == PeopleFieldKind.multi_choice:
        labels = {o.id: pick(o.label, ctx.lang) for o in fld.options}
        st.multiselect(label, list(labels), key=key, on_change=_on_person, args=args,
                       format_func=partial(_label_from, labels), placeholder=ctx.t("ui.q.choose"))
    elif fld.kind == PeopleFieldKind.date:
        st.date_input(label, key=key, value=None, min_value=EARLIEST, max_value=LATEST,
                      format=widget_date_format(ctx.lang), on_change=_on_person, args=args)
    elif fld.kind == PeopleFieldKind.long_text:
        st.text_area(label, key=key, max_chars=SHORT_TEXT_MAX, on_change=_on_person, args=args, height=80)
    else:
        st.text_input(label, key=key, max_chars=SHORT_TEXT_MAX, on_change=_on_person, args=args)
    if fld.help:
        st.caption(md_escape(pick(fld.help, ctx.lang)))


def _ask(session: Session, qid: str, person_id: str | None) -> None:
    if person_id is None:
        session.state.remove_asked.pop(qid, None)
    else:
        session.state.remove_asked[qid] = person_id


def _remove_person(session: Session, qid: str, person_id: str) -> None:
    session.state.remove_asked.pop(qid, None)
    _change(session, qid, answers.remove_person, qid, person_id)


def _people(ctx: Context, session: Session, draft: Assessment, q: Question) -> None:
    people = answers.people_of(draft, q.id)
    if not people:
        st.caption(ctx.t("ui.people.none"))
    for n, person in enumerate(people, start=1):
        with st.container(border=True, key=session.widget_key("pc", q.id, person.id)):
            st.caption(ctx.t("ui.people.number", n=n))
            cols = st.columns(min(len(q.fields), 2) or 1)
            for i, fld in enumerate(q.fields):
                with cols[i % len(cols)]:
                    _person_field(ctx, session, q, person.id, fld, person.values.get(fld.id))
            if session.state.remove_asked.get(q.id) == person.id:
                st.write(ctx.t("ui.people.remove.confirm"))
                with st.container(horizontal=True):
                    st.button(ctx.t("ui.people.remove.yes"), key=session.widget_key("prm_yes", q.id, person.id),
                              on_click=_remove_person, args=(session, q.id, person.id))
                    st.button(ctx.t("ui.people.remove.no"), key=session.widget_key("prm_no", q.id, person.id),
                              on_click=_ask, args=(session, q.id, None))
            else:
                st.button(ctx.t("ui.people.remove"), key=session.widget_key("prm", q.id, person.id),
                          icon=":material/person_remove:", on_click=_ask, args=(session, q.id, person.id))
    full = sum(len(a.people or []) for a in draft.answers.values()) >= PEOPLE_MAX
    st.button(ctx.t("ui.people.add"), key=session.widget_key("padd", q.id), icon=":material/person_add:",
              on_click=_change, args=(session, q.id, answers.add_person, q), disabled=full)
    if full:
        st.caption(ctx.t("limits.people_full", people=PEOPLE_MAX))


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
        _init(key, a.note)
        st.text_area(ctx.t("ui.q.note"), key=key, max_chars=LONG_TEXT_MAX, height=90,
                     on_change=_on_note, args=(session, q.id, key))
        st.caption(ctx.t("ui.evidence.intro"))
        for i, ev in enumerate(a.evidence):
            c1, c2 = st.columns([5, 1], vertical_alignment="center")
            c1.text(f"{ev.file_name}\nSHA-256 {ev.sha256}\n{ev.date.isoformat() if ev.date else ''}")
            c2.button(ctx.t("ui.evidence.remove"), key=session.widget_key("evrm", q.id, str(i), ev.sha256[:12]),
                      on_click=_change, args=(session, q.id, answers.remove_evidence, q.id, i))
        key = session.widget_key("ev", q.id, str(len(a.evidence)))
        st.file_uploader(ctx.t("ui.evidence.add"), key=key, on_change=_on_evidence,
                         args=(session, q.id, key, today))


# --------------------------------------------------------------------------- one question


def question(ctx: Context, session: Session, checklist: Checklist, q: Question) -> None:
    draft = session.draft
    assert draft is not None
    answer = draft.answers.get(q.id)
    with st.container(border=True, key=session.widget_key("box", q.id)):
        st.markdown(f"**{_label(ctx, q)}**")
        filled = practice.mark(draft, q.id)
        if filled is not None:  # our own words: the answer came from the practice defaults or a template
            st.caption(":material/bookmark: " + ctx.t(f"ui.practice.mark.{filled.source}"))
        st.caption(md_escape(pick(q.help, ctx.lang)))
        if q.kind == QuestionKind.people:
            _people(ctx, session, draft, q)
            consent_panel.panel(ctx, session, checklist, q)
        else:
            _main_widget(ctx, session, q, answer)
        _dont_know_box(ctx, session, q, answer)
        if answer is not None and answer.dont_know:
            _open_item(ctx, session, draft, q)
        _more(ctx, session, checklist, q)
        _note_and_evidence(ctx, session, q, answer, ctx.today)


# --------------------------------------------------------------------------- the assessment's details


def _on_meta(session: Session, field: str, key: str) -> None:
    _change(session, META, answers.set_meta, field, st.session_state.get(key))


def details(ctx: Context, session: Session) -> None:
    """The title and the maker's name, editable at any time."""
    draft = session.draft
    assert draft is not None
    with st.expander(ctx.t("ui.details.heading")):
        c1, c2 = st.columns(2)
        for col, field in ((c1, "title"), (c2, "assessor")):
            key = session.widget_key("meta", field)
            _init(key, getattr(draft.meta, field))
            col.text_input(ctx.t(f"ui.details.{field}"), key=key, max_chars=SHORT_TEXT_MAX,
                           on_change=_on_meta, args=(session, field, key))
        st.caption(ctx.t("ui.details.help"))
