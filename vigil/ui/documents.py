"""The documents panel on the results page: the assessment file (JSON), the PDFs and the label texts.

PDFs are made only when the user asks ("Prepare ..."), kept for this exact version of the assessment and
language, and offered as a download. A document that cannot be made says why, calmly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import streamlit as st

from vigil.assessment_file import fingerprint, to_json
from vigil.models.assessment import Assessment
from vigil.models.checklist import Checklist
from vigil.render import RenderError, consent_form_pdf, label_kit, labels_pdf, report_pdf
from vigil.render.labels import LabelKit
from vigil.ui.session import Session
from vigil.ui.shell import Context
from vigil.ui.state import Prepared, UiState
from vigil.ui.text import md_escape

Renderer = Callable[[Checklist, Assessment, str, dt.date], bytes]
RENDERERS: dict[str, Renderer] = {"report": report_pdf, "consent": consent_form_pdf, "labels": labels_pdf}


def file_name(kind: str, assessment: Assessment, extension: str) -> str:
    """A download name that carries no names or answers: the kind and the date only."""
    return f"vigil-{kind}-{assessment.meta.updated.date().isoformat()}.{extension}"


def _prepare(kind: str, session: Session, checklist: Checklist, lang: str, today: dt.date) -> None:
    """Make one document from the draft as it is now, and keep it for this version and language."""
    assessment = session.draft
    if assessment is None:
        return
    state: UiState = session.state
    state.document_failed.pop(kind, None)
    try:
        data = RENDERERS[kind](checklist, assessment, lang, today)
    except RenderError as exc:
        state.document_failed[kind] = str(exc)
        state.documents.pop(kind, None)
        return
    state.documents[kind] = Prepared(fingerprint(assessment), lang, data)


def _pdf(ctx: Context, kind: str, session: Session, checklist: Checklist, assessment: Assessment,
         version: str) -> None:
    with st.container(border=True, key=f"vigil.docs.box.{kind}"):
        st.markdown(f"**{md_escape(ctx.t(f'ui.docs.{kind}'))}**")
        st.caption(ctx.t(f"ui.docs.{kind}.help"))
        ready = ctx.state.documents.get(kind)
        if ready is not None and (ready.version, ready.lang) == (version, ctx.lang):
            st.download_button(ctx.t("ui.docs.download"), data=ready.data, mime="application/pdf",
                               file_name=file_name(kind, assessment, "pdf"), key=f"vigil.docs.dl.{kind}",
                               icon=":material/download:", on_click="ignore", type="primary")
        else:
            st.button(ctx.t("ui.docs.prepare"), key=f"vigil.docs.make.{kind}", icon=":material/description:",
                      on_click=_prepare, args=(kind, session, checklist, ctx.lang, ctx.today))
        failed = ctx.state.document_failed.get(kind)
        if failed is not None:
            st.info(ctx.t("ui.docs.failed"), icon=":material/info:")
            st.text(failed)


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
        st.markdown(f"**{md_escape(ctx.t('ui.docs.labels.c2pa'))}**")
        st.markdown("\n".join(f"{i}. {md_escape(step)}" for i, step in enumerate(kit.c2pa_steps, start=1)))
        st.code(kit.c2pa_manifest, language="json")
        st.caption(md_escape(kit.c2pa_source))


def panel(ctx: Context, session: Session, checklist: Checklist, assessment: Assessment) -> None:
    st.subheader(ctx.t("ui.docs.heading"))
    version = fingerprint(assessment)
    cols = st.columns(3)
    for col, kind in zip(cols, RENDERERS, strict=True):
        with col:
            _pdf(ctx, kind, session, checklist, assessment, version)
    try:
        kit = label_kit(checklist, assessment, ctx.lang, ctx.today)
    except RenderError as exc:
        st.info(ctx.t("ui.docs.failed"), icon=":material/info:")
        st.text(str(exc))
    else:
        _label_texts(ctx, kit)
    st.caption(ctx.t("ui.docs.json.help"))
    st.download_button(ctx.t("ui.docs.json"), data=to_json(assessment).encode("utf-8"),
                       file_name=file_name("assessment", assessment, "json"), mime="application/json",
                       key="vigil.docs.json", icon=":material/download:", on_click="ignore")
