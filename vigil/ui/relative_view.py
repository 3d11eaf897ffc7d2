"""What the relative's page draws and does (``pages/relative.py`` only calls ``page``)."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from vigil.catalog import ChecklistError
from vigil.consent_actions import ConsentActionError, record_answer, token_hash, usable_link, withdraw
from vigil.consent_plan import PageText, page_text
from vigil.consent_state import LinkInfo, OwnAnswer, links, own_answers, plan_snapshot
from vigil.i18n import t
from vigil.models.assessment import Assessment
from vigil.models.checklist import Checklist
from vigil.models.consent_record import Anchor, RecordedAnswer, Response, Signature, verify
from vigil.render.text import format_date
from vigil.store import NotFoundError, StaleWriteError, StoreError
from vigil.ui import resources
from vigil.ui.state import ConsentState
from vigil.ui.text import md_escape

TOKEN_PARAM = "k"  # noqa: S105 - the name of the URL parameter, not a secret


def requested() -> bool:
    return bool(st.query_params.get(TOKEN_PARAM))


def _calm(lang: str, key: str) -> None:
    st.info(t(lang, key), icon=":material/info:")


def _load(token: str, now: dt.datetime, fallback_lang: str
          ) -> tuple[Assessment, Checklist, LinkInfo] | str:
    """The assessment, checklist and link the token opens, or the key of the calm message to show (for a link
    that was withdrawn or has expired, ``key|lang``: it is said in the person's language only)."""
    try:
        target = resources.links().find(token_hash(token))
        if target is None:
            return "consent_page.link_unknown"
        assessment = resources.store().get(target.assessment_id)
        catalog = resources.catalog()
    except NotFoundError:
        return "consent_page.link_unknown"
    except (StoreError, ChecklistError):
        return "consent_page.unavailable"
    pin = assessment.checklist
    if not catalog.has(pin.id, pin.version) or verify(assessment.consent_record,
                                                      resources.links().anchor(assessment.id)) is not None:
        return "consent_page.unavailable"
    try:
        info = usable_link(assessment, target.link_id, now)
    except ConsentActionError as exc:
        key = {"revoked": "consent_page.link_revoked", "expired": "consent_page.link_expired"}.get(
            str(exc), "consent_page.link_unknown")
        known = links(assessment.consent_record).get(target.link_id)
        return f"{key}|{known.lang}" if known is not None and known.lang else key
    if info.person != target.person_id:
        return "consent_page.link_unknown"
    return assessment, catalog.get(pin.id, pin.version), info


def _save(token: str, change: object, now: dt.datetime) -> str | None:
    """Apply ``change(checklist, assessment)`` to the freshest stored copy and save; None or a message key."""
    for _ in range(3):
        loaded = _load(token, now, "en")
        if isinstance(loaded, str):
            return loaded.partition("|")[0]
        assessment, checklist, _info = loaded
        try:
            updated = change(checklist, assessment)  # type: ignore[operator]
        except ConsentActionError as exc:
            return "consent_page.plan_changed" if str(exc) == "plan_changed" else "consent_page.link_unknown"
        try:
            stored = resources.store().save(updated)
        except StaleWriteError:
            continue  # the maker saved meanwhile: apply the answer to their newer copy
        except StoreError:
            return "consent_page.unavailable"
        record = stored.consent_record
        resources.links().set_anchor(stored.id, Anchor(count=len(record.entries), head=record.head))
        return None
    return "consent_page.unavailable"


def _show_text(shown: PageText) -> None:
    st.title(md_escape(shown.title), anchor=False)
    st.markdown(md_escape(shown.intro))
    st.subheader(t(shown.lang, "consent_page.plan_title"), anchor=False)
    for s in shown.statements:
        st.markdown(f"**{md_escape(s.label)}**  \n{md_escape(s.text if s.text is not None else shown.undecided)}")
    st.markdown(md_escape(shown.freedom))


def _current(lang: str, own: OwnAnswer) -> None:
    when = format_date(own.at.date(), lang)
    if own.answer is None:
        st.info(t(lang, "consent_page.withdrawn", date=when), icon=":material/undo:")
        return
    response = own.answer.response
    st.success(t(lang, "consent_page.current", date=when, answer=t(lang, f"consent.response.{response.value}")),
               icon=":material/check:")
    if own.for_earlier_plan:
        st.warning(t(lang, "consent_page.earlier_plan"), icon=":material/update:")


def _form(state: ConsentState, token: str, shown: PageText, link: str, now: dt.datetime) -> None:
    lang = shown.lang
    st.subheader(t(lang, "consent_page.your_answer"), anchor=False)
    with st.form("vigil.relative.form", clear_on_submit=False, enter_to_submit=False):
        labels = {r: t(lang, f"consent_page.response.{r}") for r in ("agrees", "objects", "needs_time", "question")}
        choice = st.radio(t(lang, "consent_page.choose"), list(labels), format_func=labels.__getitem__,
                          index=None, key="vigil.relative.response")  # nothing is chosen for them
        st.caption(md_escape(shown.items_intro))
        ticked = [item.id for item in shown.items
                  if st.checkbox(md_escape(item.text), key=f"vigil.relative.item.{item.id}")]
        question = st.text_area(t(lang, "consent_page.question_label"), max_chars=2000,
                                key="vigil.relative.question")
        name = st.text_input(t(lang, "consent_page.name_label"), max_chars=200, key="vigil.relative.name")
        declared = st.checkbox(t(lang, "consent_page.declaration_label"), key="vigil.relative.declaration")
        sent = st.form_submit_button(t(lang, "consent_page.send"), type="primary")
    if not sent:
        return
    problem = _problem(choice, ticked, question, name, declared)
    if problem or choice is None:
        st.error(t(lang, problem or "consent_page.need_choice"), icon=":material/edit:")
        return
    asked = [item.id for item in shown.items]
    if choice == "agrees":
        response = Response.agrees if set(ticked) == set(asked) else Response.agrees_in_part
    else:
        response = Response(choice)
    signature = Signature(full_name=name, declaration=True) if name.strip() and declared else None
    answer = RecordedAnswer(response=response, asked=asked, agreed=ticked if choice == "agrees" else [],
                            question=question.strip() if choice == "question" else "", signature=signature)
    failed = _save(token, lambda c, a: record_answer(c, a, link, answer, shown, now), now)
    if failed:
        st.error(t(lang, failed), icon=":material/error:")
        return
    state.sent = format_date(now.date(), lang)
    st.rerun()


def _problem(choice: str | None, ticked: list[str], question: str, name: str, declared: bool) -> str | None:
    if choice is None:
        return "consent_page.need_choice"
    if choice == "agrees" and not ticked:
        return "consent_page.need_item"
    if choice == "question" and not question.strip():
        return "consent_page.need_question"
    if choice in ("agrees", "objects"):
        if len(name.strip()) < 2:
            return "consent_page.need_name"
        if not declared:
            return "consent_page.need_declaration"
    return None


def _withdraw(token: str, lang: str, link: str, now: dt.datetime) -> None:
    st.subheader(t(lang, "consent_page.withdraw_title"), anchor=False)
    st.caption(t(lang, "consent_page.withdraw_help"))
    sure = st.checkbox(t(lang, "consent_page.withdraw_confirm"), key="vigil.relative.withdraw_sure")
    if st.button(t(lang, "consent_page.withdraw"), disabled=not sure, key="vigil.relative.withdraw"):
        failed = _save(token, lambda c, a: withdraw(c, a, link, now), now)
        if failed:
            st.error(t(lang, failed), icon=":material/error:")
        else:
            st.rerun()


def page(state: ConsentState, now: dt.datetime) -> None:
    token = st.query_params.get(TOKEN_PARAM, "")
    for other in [k for k in st.query_params if k != TOKEN_PARAM]:
        del st.query_params[other]  # a link opens its own page only: nothing else from the URL is read
    loaded = _load(token, now, "en")
    if isinstance(loaded, str):
        key, _, lang = loaded.partition("|")
        for each in [lang] if lang else ["en", "de"]:  # unknown link: no language is known, say it in both
            _calm(each, key)
        return
    assessment, checklist, info = loaded
    lang = info.lang
    shown = page_text(checklist, assessment, lang, now.date())
    _show_text(shown)
    sent, state.sent = state.sent, None
    own = own_answers(assessment.consent_record, plan_snapshot(checklist, assessment, now.date())).get(info.person)
    if own is not None:
        _current(lang, own)
    _form(state, token, shown, info.id, now)
    if sent is not None:  # right under the send button: on a phone, thanks above the long form stay out of sight
        st.success(t(lang, "consent_page.sent", date=sent), icon=":material/mark_email_read:")
    if own is not None and own.answer is not None:
        _withdraw(token, lang, info.id, now)
