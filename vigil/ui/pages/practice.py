"""Your practice: the maker profile, the practice defaults (answered once, every new assessment starts from them)
and the templates (named starting points saved from an assessment).

The practice questions are drawn with the questionnaire's own widgets, over a stand-in assessment whose saves go
to the practice defaults (``DefaultsStore``), so every question kind behaves exactly as in an assessment.
"""

from __future__ import annotations

import base64
from typing import cast

import streamlit as st
from pydantic import ValidationError

from vigil.models.assessment import Assessment, ChecklistPin, Maker
from vigil.models.checklist import Checklist
from vigil.models.profile import LOGO_MAX_BYTES, Logo
from vigil.practice import practice_defaults, template_from
from vigil.store import AssessmentStore, StoreError
from vigil.ui import widgets
from vigil.ui.session import Session
from vigil.ui.shell import Context
from vigil.ui.state import UiState

STAND_IN_ID = "practice-defaults"
P = "vigil.practice."


class DefaultsStore:
    """Lets the questionnaire's widgets edit the practice defaults: a save keeps the practice answers."""

    def __init__(self, store: AssessmentStore, checklist: Checklist) -> None:
        self.store = store
        self.checklist = checklist

    def stand_in(self) -> Assessment:
        defaults = self.store.practice_defaults(self.checklist.id)
        return Assessment(
            id=STAND_IN_ID, revision=1, checklist=ChecklistPin(id=self.checklist.id, version=self.checklist.version),
            answers=dict(defaults.answers) if defaults is not None else {},
        )

    def get(self, assessment_id: str) -> Assessment:
        del assessment_id
        return self.stand_in()

    def save(self, assessment: Assessment) -> Assessment:
        self.store.save_practice_defaults(practice_defaults(self.checklist, assessment.answers))
        return assessment.model_copy(update={"revision": assessment.revision + 1})


# --------------------------------------------------------------------------- profile


def _on_maker(ctx: Context, field: str, key: str) -> None:
    assert ctx.store is not None
    try:
        profile = ctx.store.profile()
        maker = profile.maker.model_copy(update={field: str(st.session_state.get(key) or "").strip()})
        ctx.store.save_profile(profile.model_copy(update={"maker": Maker.model_validate(maker.model_dump())}))
    except (StoreError, ValidationError):
        ctx.state.start.note = "ui.practice.not_saved"


def _on_logo(ctx: Context, key: str) -> None:
    assert ctx.store is not None
    upload = st.session_state.get(key)
    if upload is None:
        return
    data = upload.getvalue()
    media_type = "image/png" if data.startswith(b"\x89PNG") else "image/jpeg" if data.startswith(b"\xff\xd8") else ""
    if not media_type or len(data) > LOGO_MAX_BYTES:
        ctx.state.start.note = "ui.practice.logo.refused"
        return
    try:
        profile = ctx.store.profile()
        logo = Logo(media_type=media_type, data=base64.b64encode(data))  # type: ignore[arg-type]
        ctx.store.save_profile(profile.model_copy(update={"logo": logo}))
    except (StoreError, ValidationError):
        ctx.state.start.note = "ui.practice.not_saved"


def _profile(ctx: Context) -> None:
    assert ctx.store is not None
    st.header(ctx.t("ui.practice.profile.heading"))
    st.caption(ctx.t("ui.practice.profile.help"))
    try:
        profile = ctx.store.profile()
    except StoreError:
        st.info(ctx.t("ui.problem.store"), icon=":material/info:")
        return
    c1, c2, c3 = st.columns(3)
    for col, field in ((c1, "name"), (c2, "organisation"), (c3, "contact")):
        key = P + field
        if key not in st.session_state:
            st.session_state[key] = getattr(profile.maker, field)
        col.text_input(ctx.t(f"ui.practice.profile.{field}"), key=key, max_chars=2_000,
                       on_change=_on_maker, args=(ctx, field, key))
    left, right = st.columns([1, 3], vertical_alignment="center")
    if profile.logo is not None:
        left.image(profile.logo.data, width=120)
        if right.button(ctx.t("ui.practice.logo.remove"), key=P + "logo.remove"):
            ctx.store.save_profile(profile.model_copy(update={"logo": None}))
            st.rerun()
    key = P + "logo"
    right.file_uploader(ctx.t("ui.practice.logo"), type=["png", "jpg", "jpeg"], key=key,
                        on_change=_on_logo, args=(ctx, key), help=ctx.t("ui.practice.logo.help"),
                        max_upload_size=1)  # MB, the least Streamlit can say; not its 200 MB for a 300 KB logo


# --------------------------------------------------------------------------- defaults


def _defaults(ctx: Context, checklist: Checklist) -> None:
    assert ctx.store is not None
    st.header(ctx.t("ui.practice.defaults.heading"))
    st.write(ctx.t("ui.practice.defaults.help"))
    adapter = DefaultsStore(ctx.store, checklist)
    try:
        stand_in = adapter.stand_in()
    except StoreError:
        st.info(ctx.t("ui.problem.store"), icon=":material/info:")
        return
    session = Session(UiState(lang=ctx.lang, draft=stand_in), cast("AssessmentStore", adapter))
    given = sum(1 for qid in checklist.practice if qid in stand_in.answers)
    st.caption(ctx.t("ui.practice.defaults.count", given=given, total=len(checklist.practice)))
    for qid in checklist.practice:
        widgets.question(ctx, session, checklist, checklist.question(qid), required_mark=False)


# --------------------------------------------------------------------------- templates


def _templates(ctx: Context, checklist: Checklist) -> None:
    assert ctx.store is not None
    st.header(ctx.t("ui.practice.templates.heading"))
    st.write(ctx.t("ui.practice.templates.help"))
    draft = ctx.session.draft if ctx.session is not None else None
    if draft is not None and draft.checklist.id == checklist.id:
        c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
        name = c1.text_input(ctx.t("ui.practice.templates.name"), key=P + "template.name", max_chars=200,
                             placeholder=ctx.t("ui.practice.templates.placeholder"))
        if c2.button(ctx.t("ui.practice.templates.save"), key=P + "template.save", disabled=not (name or "").strip()):
            try:
                ctx.store.save_template(template_from(checklist, draft, name or ""))
            except StoreError:
                ctx.state.start.note = "ui.practice.not_saved"
            st.session_state.pop(P + "template.name", None)
            st.rerun()
    else:
        st.caption(ctx.t("ui.practice.templates.open_first"))
    try:
        templates = ctx.store.templates()
    except StoreError:
        return
    for tpl in templates:
        with st.container(border=True, key=f"vigil.practice.tpl.{tpl.id}"):
            left, right = st.columns([4, 1], vertical_alignment="center")
            left.text(tpl.name)  # user text: literal
            left.caption(ctx.t("ui.practice.templates.answers", count=len(tpl.answers)))
            if right.button(ctx.t("ui.start.delete"), key=f"vigil.practice.tpl.del.{tpl.id}", width="stretch"):
                try:
                    ctx.store.delete_template(tpl.id)
                except StoreError:
                    ctx.state.start.note = "ui.practice.not_saved"
                st.rerun()


def render(ctx: Context) -> None:
    st.title(ctx.t("ui.page.practice"))
    st.write(ctx.t("ui.practice.intro"))
    note, ctx.state.start.note = ctx.state.start.note, None
    if note is not None:
        st.info(ctx.t(note), icon=":material/info:")
    if ctx.catalog is None or ctx.store is None:
        return
    checklist = ctx.catalog.latest()[0]
    _profile(ctx)
    _defaults(ctx, checklist)
    _templates(ctx, checklist)
