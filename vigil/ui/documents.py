"""The documents panel on the results page: the assessment file (JSON), the PDFs and the label texts; and the
"Prepare, then download" control the Family view uses for the family summary.

PDFs are made only when the user asks ("Prepare ..."), kept for this exact version of the assessment and
language, and offered as a download. A document that cannot be made says why, calmly.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from vigil.assessment_file import fingerprint, to_json
from vigil.models.assessment import Assessment
from vigil.models.checklist import Checklist
from vigil.render import DOCUMENTS, RenderError, document_input, file_name
from vigil.render.documents import Renderer
from vigil.render.labels import LabelKit
from vigil.store import StoreError
from vigil.ui.session import Session
from vigil.ui.shell import Context
from vigil.ui.state import Prepared, UiState
from vigil.ui.text import md_escape

RENDERERS: dict[str, Renderer] = {kind: d.render for kind, d in DOCUMENTS.items()}
"""The documents offered, by kind (the registry's render functions; tests may replace one)."""


def _prepare(kind: str, session: Session, checklist: Checklist, lang: str, today: dt.date,
             share_positions: bool = False) -> None:
    """Make one document from the draft as it is now, and keep it for this version and language."""
    assessment = session.draft
    if assessment is None:
        return
    state: UiState = session.state
    state.document_failed.pop(kind, None)
    try:
        profile = session.store.profile()  # the logo; who asks is in the assessment's own copy of the maker
    except StoreError:
        profile = None
    try:
        inp = document_input(checklist, assessment, lang, today, profile=profile, share_positions=share_positions)
        data = RENDERERS[kind](inp)
    except RenderError as exc:
        state.document_failed[kind] = str(exc)
        state.documents.pop(kind, None)
        return
    state.documents[kind] = Prepared(_version(assessment, share_positions), lang, data)


def _version(assessment: Assessment, share_positions: bool) -> str:
    """The version a prepared document is kept for: the assessment's fingerprint, and the maker's choice."""
    return fingerprint(assessment) + (":shared" if share_positions else "")


def offer(ctx: Context, kind: str, session: Session, checklist: Checklist, assessment: Assessment,
          share_positions: bool = False) -> None:
    """The "Prepare" button for one document, then its download (named by reference and date, never a name)."""
    document = DOCUMENTS[kind]
    ready = ctx.state.documents.get(kind)
    if ready is not None and (ready.version, ready.lang) == (_version(assessment, share_positions), ctx.lang):
        st.download_button(ctx.t("ui.docs.download"), data=ready.data, mime=document.media_type,
                           file_name=file_name(document.stem, assessment, ctx.today, document.extension),
                           key=f"vigil.docs.dl.{kind}", icon=":material/download:", on_click="ignore",
                           type="primary")
    else:
        st.button(ctx.t("ui.docs.prepare"), key=f"vigil.docs.make.{kind}", icon=":material/description:",
                  on_click=_prepare, args=(kind, session, checklist, ctx.lang, ctx.today, share_positions))
    failed = ctx.state.document_failed.get(kind)
    if failed is not None:
        st.info(ctx.t("ui.docs.failed"), icon=":material/info:")
        st.text(failed)


def _pdf(ctx: Context, kind: str, session: Session, checklist: Checklist, assessment: Assessment) -> None:
    with st.container(border=True, key=f"vigil.docs.box.{kind}"):
        st.markdown(f"**{md_escape(ctx.t(f'ui.docs.{kind}'))}**")
        st.caption(ctx.t(f"ui.docs.{kind}.help"))
        offer(ctx, kind, session, checklist, assessment)


def _label_texts(ctx: Context, kit: LabelKit) -> None:
    with st.expander(ctx.t("ui.docs.labels.texts")):
        for field in ("on_screen", "caption", "credits"):
            st.markdown(f"**{md_escape(ctx.t(f'ui.docs.labels.{field}'))}**")
            st.code(getattr(kit, field), language=None, wrap_lines=True)
        for note in kit.notes:
            st.caption(md_escape(note))
        for guide in kit.platforms:
            st.markdown(f"**{md_escape(guide.platform)}**")
            st.markdown("\n".join(f"{i}. {md_escape(step)}" for i, step in enumerate(guide.steps, start=1)))
            st.caption(md_escape(guide.source))
        if kit.c2pa_steps:
            st.markdown(f"**{md_escape(ctx.t('ui.docs.labels.c2pa'))}**")
            st.markdown("\n".join(f"{i}. {md_escape(step)}" for i, step in enumerate(kit.c2pa_steps, start=1)))
            st.code(kit.c2pa_manifest, language="json")
            st.caption(md_escape(kit.c2pa_source))


def panel(ctx: Context, session: Session, checklist: Checklist, assessment: Assessment) -> None:
    st.subheader(ctx.t("ui.docs.heading"))
    kinds = list(RENDERERS)
    for row in range(0, len(kinds), 2):
        cols = st.columns(2)
        for col, kind in zip(cols, kinds[row:row + 2], strict=False):
            with col:
                _pdf(ctx, kind, session, checklist, assessment)
    try:
        kit = document_input(checklist, assessment, ctx.lang, ctx.today, evaluation=ctx.evaluation).kit
    except RenderError as exc:
        st.info(ctx.t("ui.docs.failed"), icon=":material/info:")
        st.text(str(exc))
    else:
        _label_texts(ctx, kit)
    st.caption(ctx.t("ui.docs.json.help"))
    st.download_button(ctx.t("ui.docs.json"), data=to_json(assessment).encode("utf-8"),
                       file_name=file_name("assessment", assessment, ctx.today, "json"), mime="application/json",
                       key="vigil.docs.json", icon=":material/download:", on_click="ignore")
