"""Start: what Vigil does, the saved assessments, a new one, and import from a file."""

from __future__ import annotations

import streamlit as st

from vigil.assessment_file import MAX_FILE_BYTES, AssessmentFileError, parse_assessment
from vigil.models.common import pick
from vigil.models.limits import FILE_BYTES_MAX, PEOPLE_MAX, SHORT_TEXT_MAX, TEXT_TOTAL_MAX
from vigil.store import NotFoundError, StoreError, StoreUnavailableError
from vigil.ui import listing
from vigil.ui.session import duplicate
from vigil.ui.shell import Context, pop_flash
from vigil.ui.text import md_escape


def _flash(ctx: Context) -> None:
    message = pop_flash(ctx)
    if message is None:
        return
    key, params = message.key, message.params
    with st.container(border=True, key="vigil.flash"):
        if key == "ui.flash.break":
            st.markdown(f"**{md_escape(ctx.t('ui.flash.break.title'))}**")
            st.write(ctx.t("ui.flash.break.body"))
            st.text(params.get("title", ""))
            url = (st.context.url or "").split("?")[0].rstrip("/")
            st.caption(ctx.t("ui.flash.break.link"))
            st.code(f"{url}/?a={params.get('id', '')}", language=None)
        else:
            st.write(ctx.t(key))


def _open(ctx: Context, assessment_id: str) -> None:
    assert ctx.session is not None
    try:
        ctx.session.open(assessment_id)
    except NotFoundError:
        ctx.state.start.note = "ui.start.gone"
        return
    except StoreUnavailableError:
        ctx.state.start.note = "ui.problem.store"
        return
    ctx.state.url_synced = assessment_id
    ctx.go("questionnaire")


def _new_assessment(ctx: Context) -> None:
    assert ctx.catalog is not None
    assert ctx.session is not None
    with st.container(border=True, key="vigil.start.new"):
        st.subheader(ctx.t("ui.start.new.heading"))
        checklists = ctx.catalog.latest()
        title = st.text_input(ctx.t("ui.start.new.title"), key="vigil.start.title", max_chars=SHORT_TEXT_MAX,
                              placeholder=ctx.t("ui.start.new.placeholder"))
        chosen = checklists[0]
        if len(checklists) > 1:
            names = {i: f"{pick(c.title, ctx.lang)} ({c.version})" for i, c in enumerate(checklists)}
            index = st.selectbox(ctx.t("ui.start.new.checklist"), list(names), key="vigil.start.checklist",
                                 format_func=names.__getitem__)
            chosen = checklists[index or 0]
        st.caption(pick(chosen.description, ctx.lang))
        if st.button(ctx.t("ui.start.new.button"), type="primary", key="vigil.start.create",
                     icon=":material/add:"):
            try:
                ctx.session.create(chosen, title or "", ctx.lang)
            except StoreError:
                ctx.state.start.note = "ui.problem.store"
            else:
                st.session_state.pop("vigil.start.title", None)
                ctx.go("questionnaire")


def _on_import(ctx: Context, key: str) -> None:
    upload = st.session_state.get(key)
    ctx.state.start.import_error = None
    if upload is None or ctx.catalog is None or ctx.session is None:
        return
    try:
        assessment, _ = parse_assessment(upload.getvalue(), ctx.catalog)
        ctx.session.adopt(assessment)
    except AssessmentFileError as exc:
        ctx.state.start.import_error = str(exc)
    except StoreError:
        ctx.state.start.import_error = ctx.t("ui.problem.store")
    else:
        ctx.state.start.goto = "questionnaire"
    ctx.state.start.import_counter += 1


def _import(ctx: Context) -> None:
    with st.container(border=True, key="vigil.start.import"):
        st.subheader(ctx.t("ui.start.import.heading"))
        st.caption(ctx.t("ui.start.import.help"))
        text_max = f"{TEXT_TOTAL_MAX:,}".replace(",", "." if ctx.lang == "de" else ",")
        st.caption(ctx.t("limits.import", mb=FILE_BYTES_MAX // 1_048_576, people=PEOPLE_MAX, text=text_max))
        key = f"vigil.start.upload.{ctx.state.start.import_counter}"
        st.file_uploader(ctx.t("ui.start.import.label"), type=["json"], key=key,
                         on_change=_on_import, args=(ctx, key), max_upload_size=MAX_FILE_BYTES // 1_048_576)
        error = ctx.state.start.import_error
        if error is not None:
            st.warning(ctx.t("ui.start.import.failed"), icon=":material/info:")
            st.text(error)


def _saved(ctx: Context) -> None:
    assert ctx.store is not None
    assert ctx.catalog is not None
    assert ctx.session is not None
    st.subheader(ctx.t("ui.start.saved.heading"))
    try:
        rows = listing.summaries(ctx.store, ctx.catalog, ctx.store.list(), ctx.today)
    except StoreUnavailableError:
        st.info(ctx.t("ui.problem.store"), icon=":material/info:")
        return
    if not rows:
        st.caption(ctx.t("ui.start.saved.none"))
        return
    confirm = ctx.state.start.confirm_delete
    for row in rows:
        with st.container(border=True, key=f"vigil.start.row.{row.id}"):
            left, right = st.columns([3, 2], vertical_alignment="center")
            with left:
                st.markdown(f"**{md_escape(row.title or ctx.t('ui.untitled'))}**")
                details = []
                if row.person:
                    details.append(ctx.t("ui.start.saved.person", person=row.person))
                if row.verdict is not None:
                    details.append(ctx.t("ui.start.saved.progress", answered=row.answered, required=row.required))
                    details.append(ctx.t(f"verdict.{row.verdict.value}"))
                else:
                    details.append(ctx.t("ui.start.saved.no_checklist"))
                details.append(ctx.t("ui.start.saved.updated", when=row.updated.strftime("%Y-%m-%d %H:%M")))
                st.caption(md_escape(" · ".join(details)))
            with right:
                b1, b2, b3 = st.columns(3)
                if b1.button(ctx.t("ui.start.open"), key=f"vigil.start.open.{row.id}", width="stretch"):
                    _open(ctx, row.id)
                if b2.button(ctx.t("ui.start.duplicate"), key=f"vigil.start.dup.{row.id}", width="stretch"):
                    try:
                        duplicate(ctx.store, row.id, ctx.t("ui.start.copy_suffix"))
                    except StoreError:
                        ctx.state.start.note = "ui.problem.store"
                    st.rerun()
                if b3.button(ctx.t("ui.start.delete"), key=f"vigil.start.del.{row.id}", width="stretch"):
                    ctx.state.start.confirm_delete = row.id
                    st.rerun()
            if confirm == row.id:
                _confirm_delete(ctx, row.id)


def _confirm_delete(ctx: Context, assessment_id: str) -> None:
    assert ctx.store is not None
    assert ctx.session is not None
    st.write(ctx.t("ui.start.delete.confirm"))
    c1, c2 = st.columns(2)
    if c1.button(ctx.t("ui.start.delete.yes"), key=f"vigil.start.del_yes.{assessment_id}"):
        try:
            ctx.store.delete(assessment_id)
        except StoreError:
            ctx.state.start.note = "ui.problem.store"
        else:
            draft = ctx.session.draft
            if draft is not None and draft.id == assessment_id:
                ctx.session.close()
        ctx.state.start.confirm_delete = None
        st.rerun()
    if c2.button(ctx.t("ui.start.delete.no"), key=f"vigil.start.del_no.{assessment_id}"):
        ctx.state.start.confirm_delete = None
        st.rerun()


def render(ctx: Context) -> None:
    goto, ctx.state.start.goto = ctx.state.start.goto, None
    if goto is not None:
        ctx.go(goto)
    if ctx.resumed:  # a link to an assessment leads straight back into it
        ctx.go("questionnaire")
    st.title(ctx.t("ui.start.title"))
    st.write(ctx.t("ui.start.intro"))
    _flash(ctx)
    note, ctx.state.start.note = ctx.state.start.note, None
    if note is not None:
        st.info(ctx.t(note), icon=":material/info:")
    if ctx.catalog is None or ctx.store is None or ctx.session is None:
        return
    draft = ctx.session.draft
    if draft is not None:
        with st.container(border=True, key="vigil.start.current"):
            st.caption(ctx.t("ui.start.current"))
            st.text(draft.meta.title or ctx.t("ui.untitled"))
            if st.button(ctx.t("ui.start.continue"), type="primary", key="vigil.start.continue",
                         icon=":material/arrow_forward:"):
                ctx.go("questionnaire")
    _saved(ctx)
    left, right = st.columns(2)
    with left:
        _new_assessment(ctx)
    with right:
        _import(ctx)
