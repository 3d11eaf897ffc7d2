"""Start: a work queue. "Begin" at the top, then the saved assessments one page at a time (searched, filtered,
sorted from the store's summary columns: nothing is loaded or evaluated here), then import from a file.

User text (titles, references) is shown with ``st.text``: literal, never Markdown (no links, no icons).
"""

from __future__ import annotations

import dataclasses

import streamlit as st

from vigil import practice
from vigil.assessment_file import MAX_FILE_BYTES, AssessmentFileError, parse_assessment
from vigil.i18n.formats import widget_date_format
from vigil.models.checklist import Checklist
from vigil.models.common import pick
from vigil.models.limits import FILE_BYTES_MAX, PEOPLE_MAX, SHORT_TEXT_MAX, TEXT_TOTAL_MAX
from vigil.models.profile import PracticeDefaults, Template
from vigil.store import NotFoundError, StoreError, StoreUnavailableError, UnreadableError
from vigil.store.queue import PAGE_SIZES, QueuePage, QueueRow
from vigil.ui import listing
from vigil.ui.session import duplicate
from vigil.ui.shell import Context, pop_flash
from vigil.ui.text import md_escape

ROW_PX = 36
Q = "vigil.queue."
"""Widget keys of the queue's choices."""


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
    except UnreadableError as exc:
        ctx.state.start.note = exc.i18n_key
        return
    except StoreUnavailableError:
        ctx.state.start.note = "ui.problem.store"
        return
    ctx.state.url_synced = assessment_id
    ctx.go("questionnaire")


# --------------------------------------------------------------------------- begin


def _templates(ctx: Context, checklist: Checklist) -> list[Template]:
    assert ctx.store is not None
    try:
        return [tpl for tpl in ctx.store.templates() if tpl.checklist.id == checklist.id]
    except StoreError:
        return []


def _begin(ctx: Context) -> None:
    assert ctx.catalog is not None
    assert ctx.session is not None
    assert ctx.store is not None
    with st.container(border=True, key="vigil.start.new"):
        st.subheader(ctx.t("ui.start.new.heading"))
        checklists = ctx.catalog.latest()
        chosen = checklists[0]
        if len(checklists) > 1:
            names = {i: f"{pick(c.title, ctx.lang)} ({c.version})" for i, c in enumerate(checklists)}
            index = st.selectbox(ctx.t("ui.start.new.checklist"), list(names), key="vigil.start.checklist",
                                 format_func=names.__getitem__)
            chosen = checklists[index or 0]
        c1, c2, c3 = st.columns([3, 2, 3], vertical_alignment="bottom")
        title = c1.text_input(ctx.t("ui.start.new.title"), key="vigil.start.title", max_chars=SHORT_TEXT_MAX,
                              placeholder=ctx.t("ui.start.new.placeholder"))
        reference = c2.text_input(ctx.t("ui.queue.new.reference"), key="vigil.start.reference",
                                  max_chars=SHORT_TEXT_MAX,
                                  placeholder="K-2026-118")
        templates = _templates(ctx, chosen)
        by_id = {tpl.id: tpl for tpl in templates}
        template_id = None
        if templates:
            none = ctx.t("ui.queue.new.no_template")
            template_id = c3.selectbox(ctx.t("ui.queue.new.template"), [None, *by_id], key="vigil.start.template",
                                       format_func=lambda i: none if i is None else by_id[i].name)
        try:
            defaults = ctx.store.practice_defaults(chosen.id)
        except StoreError:
            defaults = None
        if defaults is not None and defaults.answers:
            st.caption(ctx.t("ui.queue.new.from_defaults", count=len(defaults.answers)))
        else:
            st.caption(ctx.t("ui.queue.new.no_defaults"))
        if st.button(ctx.t("ui.start.new.button"), type="primary", key="vigil.start.create",
                     icon=":material/add:"):
            _create(ctx, chosen, title or "", reference or "", defaults, by_id.get(template_id or ""))


def _create(ctx: Context, checklist: Checklist, title: str, reference: str,
            defaults: PracticeDefaults | None, template: Template | None) -> None:
    assert ctx.store is not None
    assert ctx.session is not None
    try:
        maker = ctx.store.profile().maker
    except StoreError:
        maker = None
    fresh = practice.start(checklist, title=title, language=ctx.lang, maker=maker, defaults=defaults,
                           template=template)
    fresh.meta.reference = reference.strip()
    try:
        ctx.session.adopt(fresh)
    except StoreError:
        ctx.state.start.note = "ui.problem.store"
        return
    for key in ("vigil.start.title", "vigil.start.reference"):
        st.session_state.pop(key, None)
    ctx.go("questionnaire")


# --------------------------------------------------------------------------- the queue


def _to_first_page(ctx: Context) -> None:
    ctx.state.start.page = 0


def _choices(ctx: Context) -> listing.Choices:
    """The queue's search, filters and order. The choice widgets' keys name the language: the browser sends a
    choice as its label, so a widget kept across a change of language would show (or lose) the old label; a new
    widget per language starts from the choices kept, by id, in the Start page's state."""
    st.subheader(ctx.t("ui.start.saved.heading"))
    kept = ctx.state.start
    c1, c2, c3, c4 = st.columns([3, 2, 2, 2])
    search = c1.text_input(ctx.t("ui.queue.search"), key=Q + "search", max_chars=200,
                           placeholder=ctx.t("ui.queue.search.placeholder"), on_change=_to_first_page, args=(ctx,))
    verdicts = listing.labels(ctx.t, "verdict", [v.value for v in listing.VERDICTS])
    chosen_verdicts = c2.multiselect(ctx.t("ui.queue.verdict"), list(verdicts), key=f"{Q}verdicts.{ctx.lang}",
                                     default=[v for v in kept.verdicts if v in verdicts],
                                     format_func=verdicts.__getitem__, on_change=_to_first_page, args=(ctx,),
                                     placeholder=ctx.t("ui.queue.any"))
    waits = listing.labels(ctx.t, "ui.queue.waiting", [w.value for w in listing.WAITING])
    chosen_waits = c3.multiselect(ctx.t("ui.queue.waiting"), list(waits), key=f"{Q}waiting.{ctx.lang}",
                                  default=[w for w in kept.waiting if w in waits],
                                  format_func=waits.__getitem__, on_change=_to_first_page, args=(ctx,),
                                  placeholder=ctx.t("ui.queue.any"))
    sorts = listing.labels(ctx.t, "ui.queue.sort", [s.value for s in listing.SORTS])
    sort = c4.selectbox(ctx.t("ui.queue.sort"), list(sorts), key=f"{Q}sort.{ctx.lang}",
                        index=list(sorts).index(kept.sort) if kept.sort in sorts else 0,
                        format_func=sorts.__getitem__, on_change=_to_first_page, args=(ctx,))
    kept.verdicts, kept.waiting, kept.sort = tuple(chosen_verdicts), tuple(chosen_waits), sort or "updated"
    size = st.session_state.get(Q + "size", PAGE_SIZES[0])
    return listing.Choices(search=search or "", verdicts=tuple(chosen_verdicts), waiting=tuple(chosen_waits),
                           sort=sort or "updated", size=int(size), page=ctx.state.start.page)


def _pager(ctx: Context, choices: listing.Choices, page: QueuePage) -> None:
    pages = listing.page_count(page.total, choices.size)
    c1, c2, c3, c4 = st.columns([2, 4, 2, 2], vertical_alignment="center")
    if c1.button(ctx.t("ui.queue.previous"), key="vigil.queue.prev", disabled=choices.page <= 0,
                 icon=":material/chevron_left:", width="stretch"):
        ctx.state.start.page = max(choices.page - 1, 0)
        st.rerun()
    c2.container(key="vigil.queue.count").caption(
        listing.showing(ctx.t, page.total, choices.page * choices.size, len(page.rows)))
    if c3.button(ctx.t("ui.queue.next"), key="vigil.queue.next", disabled=choices.page >= pages - 1,
                 icon=":material/chevron_right:", width="stretch"):
        ctx.state.start.page = min(choices.page + 1, pages - 1)
        st.rerun()
    c4.selectbox(ctx.t("ui.queue.size"), PAGE_SIZES, key=Q + "size", on_change=_to_first_page, args=(ctx,))


def _queue(ctx: Context) -> None:
    assert ctx.store is not None
    choices = _choices(ctx)
    try:
        page = ctx.store.queue(listing.query(choices))
        if not page.rows and page.total and choices.page:  # the page emptied (rows deleted): back to the first
            ctx.state.start.page = 0
            choices = dataclasses.replace(choices, page=0)
            page = ctx.store.queue(listing.query(choices))
    except StoreUnavailableError:
        st.info(ctx.t("ui.problem.store"), icon=":material/info:")
        return
    if page.total == 0 and not (choices.search or choices.verdicts or choices.waiting):
        st.caption(ctx.t("ui.start.saved.none"))
        return
    chosen = _table(ctx, choices, page)
    _pager(ctx, choices, page)
    if chosen is not None:
        _selected(ctx, chosen)
    elif page.rows:
        st.caption(ctx.t("ui.queue.choose"))


def _table(ctx: Context, choices: listing.Choices, page: QueuePage) -> QueueRow | None:
    """The page's rows as one table (one element however many rows: the page costs the same at 25 or 50).
    Cells are plain text, never Markdown. Choosing a row shows what can be done with it."""
    if not page.rows:
        st.caption(listing.showing(ctx.t, page.total, 0, 0))
        return None
    columns = listing.table_columns(ctx.t)
    table = [listing.cells(ctx.t, r) for r in page.rows]
    data = {name: [cells[i] for cells in table] for i, name in enumerate(columns)}
    # a new query, page or count (after a delete or duplicate) is a new table: a choice never points at another row
    what = (choices.search, choices.verdicts, choices.waiting, choices.sort, choices.size, page.total)
    key = f"{Q}table.{choices.page}.{abs(hash(what))}"
    # a click on any cell of a row chooses it (as does the row's tick box); every row shows, no inner scrolling
    due, updated = listing.date_columns(ctx.t)
    day = widget_date_format(ctx.lang)  # the form of the date fields: "DD.MM.YYYY", "DD/MM/YYYY"
    formats = {due: st.column_config.DateColumn(format=day),
               updated: st.column_config.DatetimeColumn(format=f"{day} HH:mm")}
    event = st.dataframe(data, key=key, on_select="rerun", selection_mode=["single-row", "single-cell"],
                         column_config=formats, placeholder="", hide_index=True, width="stretch", row_height=ROW_PX,
                         height=ROW_PX * (len(page.rows) + 1) + 3)
    if event is None:
        return None
    chosen = list(event.selection.rows) or [cell[0] for cell in event.selection.cells]
    return page.rows[chosen[0]] if chosen and 0 <= chosen[0] < len(page.rows) else None


def _selected(ctx: Context, row: QueueRow) -> None:
    with st.container(border=True, key=f"vigil.start.row.{row.id}"):
        st.text(row.title or ctx.t("ui.untitled"))  # user text: literal
        if row.reference:
            st.text(row.reference)
        if row.openable:
            st.caption(md_escape(" · ".join(listing.details(ctx.t, ctx.lang, row))))
            _row_actions(ctx, row)
        else:
            st.warning(ctx.t(f"ui.queue.cannot_open.{row.problem}"), icon=":material/info:")
            _unopenable_actions(ctx, row)
        if ctx.state.start.confirm_delete == row.id:
            _confirm_delete(ctx, row.id)


def _row_actions(ctx: Context, row: QueueRow) -> None:
    assert ctx.store is not None
    b1, b2, b3 = st.columns(3)
    if b1.button(ctx.t("ui.start.open"), key=f"vigil.start.open.{row.id}", type="primary",
                 icon=":material/arrow_forward:", width="stretch"):
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


def _unopenable_actions(ctx: Context, row: QueueRow) -> None:
    assert ctx.store is not None
    b1, b2 = st.columns(2)
    try:
        raw = ctx.store.raw(row.id)
    except StoreError:
        raw = None
    if raw is not None:
        b1.download_button(ctx.t("ui.queue.download_raw"), raw.encode("utf-8"), file_name=f"vigil-{row.id}.json",
                           mime="application/json", key=f"vigil.start.raw.{row.id}", width="stretch",
                           on_click="ignore")
    if b2.button(ctx.t("ui.start.delete"), key=f"vigil.start.del.{row.id}", width="stretch"):
        ctx.state.start.confirm_delete = row.id
        st.rerun()


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


# --------------------------------------------------------------------------- import


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
    except StoreError:  # the file is fine; the store cannot take it now (said at the top of the page)
        ctx.state.start.note = "ui.problem.store"
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
            st.warning(f"{ctx.t('ui.start.import.failed')} " + ctx.t(
                "ui.start.import.what_to_do", button=ctx.t("ui.docs.json"), page=ctx.t("ui.page.results")),
                icon=":material/info:")
            st.caption(ctx.t("ui.start.import.reason"))
            st.text(error)


def render(ctx: Context) -> None:
    goto, ctx.state.start.goto = ctx.state.start.goto, None
    if goto is not None:
        ctx.go(goto)
    if ctx.resumed:  # a link to an assessment leads straight back into it
        ctx.go("questionnaire")
    st.title(ctx.t("ui.start.title"))
    st.caption(ctx.t("ui.start.intro"))
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
    _begin(ctx)
    _queue(ctx)
    _import(ctx)
