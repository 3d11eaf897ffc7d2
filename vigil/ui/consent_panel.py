"""The maker's part of the relatives step: each person's own answer, private links, handing the device over."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from vigil import i18n
from vigil.consent_actions import ConsentActionError, create_link, hand_over, new_token, revoke_link, token_hash
from vigil.consent_service import remember
from vigil.consent_state import LinkState, links, own_answers, plan_snapshot
from vigil.models.assessment import Assessment
from vigil.models.checklist import Checklist, Question
from vigil.models.common import pick
from vigil.models.consent_record import verify
from vigil.render.text import format_date
from vigil.store.links import LinkTarget
from vigil.ui import resources
from vigil.ui.session import SaveStatus, Session, part
from vigil.ui.shell import Context
from vigil.ui.text import md_escape

_RECORD = part("consent_record")
"""The consent record: changed only through ``vigil.consent_actions`` (a link made, revoked, handed over)."""


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def _names(draft: Assessment, q: Question, name_field: str | None) -> dict[str, str]:
    people = draft.answers.get(q.id)
    out: dict[str, str] = {}
    for n, p in enumerate(people.people or [] if people is not None else [], start=1):
        value = p.values.get(name_field or "")
        out[p.id] = value if isinstance(value, str) and value.strip() else f"#{n}"
    return out


def _issue(ctx: Context, session: Session, checklist: Checklist, person: str, lang: str, days: int,
           in_person: bool) -> None:
    draft = session.draft
    assert draft is not None
    now = _now()
    try:
        if in_person:
            updated, link = hand_over(checklist, draft, person, lang, now)
            token = None
        else:
            updated, link, token = create_link(checklist, draft, person, lang, now + dt.timedelta(days=days), now)
    except ConsentActionError:
        return
    record = updated.consent_record

    def mutate(a: Assessment) -> None:
        a.consent_record = record

    if session.change(mutate, [_RECORD]) != SaveStatus.saved or session.draft is None:
        return
    index = resources.links()
    if token is None:  # the device handed over: the same page, through a short-lived link of its own
        token = new_token()
    index.add(token_hash(token), LinkTarget(session.draft.id, person, link), now)
    remember(index, session.draft)
    ctx.state.consent.issued = (person, token, in_person)


def panel(ctx: Context, session: Session, checklist: Checklist, q: Question) -> None:
    draft = session.draft
    if draft is None or checklist.documents.people != q.id:
        return
    lang = ctx.lang
    names = _names(draft, q, checklist.documents.people_name_field)
    st.markdown(f"**{md_escape(i18n.t(lang, 'consent.maker.title'))}**")
    st.caption(i18n.t(lang, "consent.maker.help"))
    if not names:
        st.caption(i18n.t(lang, "consent.maker.no_people"))
        return
    record = draft.consent_record
    problem = verify(record, resources.links().anchor(draft.id))
    if problem is not None:
        st.error(i18n.t(lang, "consent.maker.record_broken",
                        problem=i18n.t(lang, f"consent.problem.{problem.reason}", seq=problem.seq)))
    current = plan_snapshot(checklist, draft, ctx.today)
    questions = {x.id: x for x in checklist.questions()}
    labels = {c: pick(questions[qid].text, lang) for c in current.statements
              if (qid := getattr(checklist.documents, c, None)) in questions}
    own = own_answers(record, current)
    for pid, name in names.items():
        mine = own.get(pid)
        if mine is None:
            st.caption(f"{md_escape(name)}: {i18n.t(lang, 'consent.maker.reported')}")
            continue
        what = i18n.t(lang, "consent.withdrawn") if mine.answer is None else \
            i18n.t(lang, f"consent.response.{mine.answer.response.value}")
        line = i18n.t(lang, "consent.maker.recorded_by", person=name, date=format_date(mine.at.date(), lang),
                      answer=what)
        if mine.signed_name and mine.signed_name.strip() != name.strip():  # whose answer, and the name signed
            line += i18n.t(lang, "consent.maker.signed_as", name=mine.signed_name)
        st.markdown(md_escape(line))
        if mine.for_earlier_plan:
            st.warning(md_escape(i18n.t(lang, "consent.maker.earlier_plan", changes=", ".join(
                labels.get(c, c) for c in mine.changed))), icon=":material/update:")
    issued, ctx.state.consent.issued = ctx.state.consent.issued, None
    if isinstance(issued, tuple):
        person, token, in_person = issued
        key = "consent.maker.hand_over_ready" if in_person else "consent.maker.link_ready"
        st.success(md_escape(i18n.t(lang, key, name=names.get(person, ""))))
        base = (st.context.url or "").split("?")[0].rsplit("/", 1)[0]
        st.code(f"{base}/?k={token}", language=None)
    with st.form(session.widget_key("consent_link", q.id), border=False):
        cols = st.columns(3)
        person = cols[0].selectbox(i18n.t(lang, "consent.maker.person"), list(names),
                                   format_func=names.__getitem__, key=session.widget_key("consent_person", q.id))
        page_lang = cols[1].selectbox(i18n.t(lang, "consent.maker.lang"), list(i18n.available_languages()),
                                      format_func=i18n.language_name,
                                      index=list(i18n.available_languages()).index(lang))
        days = cols[2].number_input(i18n.t(lang, "consent.maker.days"), min_value=1, max_value=90, value=14)
        b1, b2 = st.columns(2)
        create = b1.form_submit_button(i18n.t(lang, "consent.maker.create"), icon=":material/link:")
        handover = b2.form_submit_button(i18n.t(lang, "consent.maker.hand_over"), icon=":material/devices:")
    if create or handover:
        _issue(ctx, session, checklist, str(person), str(page_lang), int(days), in_person=bool(handover))
        st.rerun()
    now = _now()
    for info in links(record).values():
        state = info.state(now)
        label = i18n.t(lang, f"consent.maker.state.{state.value}", date=format_date(
            (info.expires or now).date(), lang))
        row = st.columns([3, 2])
        row[0].caption(md_escape(i18n.t(lang, "consent.maker.link_row", name=names.get(info.person, "?"),
                                        created=format_date(info.created.date(), lang), state=label)))
        if state == LinkState.active and row[1].button(i18n.t(lang, "consent.maker.revoke"),
                                                        key=session.widget_key("revoke", info.id)):
            updated = revoke_link(draft, info.id, _now())

            def mutate(a: Assessment, rec: object = updated.consent_record) -> None:
                a.consent_record = rec  # type: ignore[assignment]

            if session.change(mutate, [_RECORD]) == SaveStatus.saved and session.draft is not None:
                remember(resources.links(), session.draft)
            st.rerun()
