"""The people register on screen: a row per person with the fields the checklist lists, adding and removing
rows (removing asks first), and the consent panel beneath it."""

from __future__ import annotations

from functools import partial

import streamlit as st

from vigil.i18n.formats import widget_date_format
from vigil.models.assessment import Assessment
from vigil.models.checklist import Checklist, PeopleField, PeopleFieldKind, Question
from vigil.models.common import pick
from vigil.models.limits import PEOPLE_MAX, SHORT_TEXT_MAX
from vigil.ui import answers, consent_panel
from vigil.ui.bind import EARLIEST, LATEST, change, first_value
from vigil.ui.session import Session
from vigil.ui.shell import Context
from vigil.ui.text import md_escape


def _on_person(session: Session, question: Question, pid: str, fid: str, key: str) -> None:
    change(session, question.id, answers.set_person_value, question, pid, fid, st.session_state.get(key))


def _label_from(labels: dict[str, str], option_id: str) -> str:
    # A module-level function (with functools.partial) keeps the widget picklable.
    return labels.get(option_id, option_id)


def _person_field(ctx: Context, session: Session, q: Question, pid: str, fld: PeopleField,
                  stored: str | list[str] | None) -> None:
    key = session.widget_key("p", q.id, pid, fld.id)
    first_value(key, answers.person_widget_value(q, fld.id, stored))
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
    change(session, qid, answers.remove_person, qid, person_id)


def draw(ctx: Context, session: Session, checklist: Checklist, q: Question) -> None:
    """The register of question ``q`` and, beneath it, the consent panel."""
    draft = session.draft
    assert draft is not None
    _rows(ctx, session, draft, q)
    consent_panel.panel(ctx, session, checklist, q)


def _rows(ctx: Context, session: Session, draft: Assessment, q: Question) -> None:
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
              on_click=change, args=(session, q.id, answers.add_person, q), disabled=full)
    if full:
        st.caption(ctx.t("limits.people_full", people=PEOPLE_MAX))
