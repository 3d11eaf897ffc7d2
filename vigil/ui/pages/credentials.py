"""Credentials: put Content Credentials (C2PA) on the finished file, and check a file's credentials."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from vigil.credentials import CredentialsError, StampRefused
from vigil.credentials.certs import local_material, local_trust_anchor
from vigil.credentials.formats import supported_labels
from vigil.credentials.manifest import Kind, check_consent_hash
from vigil.credentials.stamp import output_name, stamp_bytes, stamp_facts
from vigil.credentials.verify import Status, verify_bytes
from vigil.credentials.words import verification_lines
from vigil.models.assessment import Assessment
from vigil.models.common import VerdictId
from vigil.render.labels import stamp_lines
from vigil.ui.session import part
from vigil.ui.shell import Context, Opened, opened
from vigil.ui.state import StampedFile
from vigil.ui.text import md_escape


def _stamp(ctx: Context, op: Opened, upload: bytes, kind: Kind, training: bool, consent: str | None,
           confirmed: bool) -> None:
    draft = op.draft
    try:
        facts = stamp_facts(draft, op.evaluation, ctx.today, kind=kind, consent_sha256=consent,
                            training_opt_out=training, confirmed=confirmed, lang=ctx.lang)
        material = local_material(dt.datetime.now(dt.UTC))
        data, stamped = stamp_bytes(upload, facts, material)
    except CredentialsError as exc:
        st.error(str(exc), icon=":material/error:")
        return
    name = output_name(draft, facts, stamped.format)
    ctx.state.stamped = StampedFile(assessment=draft.id, name=name, media_type=stamped.format.media_type,
                                    data=data, local=material.local)
    record = stamped.record

    def add(a: Assessment) -> None:
        a.stamps = [*a.stamps, record]

    op.session.change(add, [part("stamps")])


def _stamp_section(ctx: Context, op: Opened) -> None:
    st.subheader(ctx.t("cred.ui.stamp_title"))
    verdict = op.evaluation.verdict.id
    try:
        stamp_facts(op.draft, op.evaluation, ctx.today, confirmed=True, lang=ctx.lang)
    except StampRefused as exc:
        st.error(ctx.t("cred.ui.stopped"), icon=":material/block:")
        st.write(ctx.t("cred.ui.stopped_why", verdict=ctx.t("verdict.stop")))
        for reason in exc.reasons:
            st.markdown(f"- {md_escape(reason)}")
        return
    key = op.session.widget_key
    upload = st.file_uploader(ctx.t("cred.ui.upload"), key=key("cred", "upload"))
    kinds = {ctx.t(f"cred.ui.kind.{k.value}"): k for k in Kind}  # labels as options: the state stays picklable
    kind_label = st.radio(ctx.t("cred.ui.kind"), list(kinds), key=key("cred", "kind", ctx.lang))
    training = st.checkbox(ctx.t("cred.ui.training"), value=True, key=key("cred", "training"))
    consent_text = st.text_input(ctx.t("cred.ui.consent_hash"), key=key("cred", "consent"),
                                 help=ctx.t("cred.ui.consent_hash_help"), max_chars=64)
    confirmed = True
    if verdict == VerdictId.resolve_first:
        try:
            stamp_facts(op.draft, op.evaluation, ctx.today, lang=ctx.lang)
        except StampRefused as exc:
            st.warning(md_escape(str(exc)), icon=":material/warning:")
        confirmed = st.checkbox(ctx.t("cred.ui.confirm"), key=key("cred", "confirm"))
    try:
        consent = check_consent_hash(consent_text)
    except ValueError as exc:
        st.error(str(exc))
        consent = None
        consent_ok = False
    else:
        consent_ok = True
    if st.button(ctx.t("cred.ui.stamp"), type="primary", key=key("cred", "go"),
                 disabled=upload is None or not confirmed or not consent_ok) and upload is not None:
        _stamp(ctx, op, upload.getvalue(), kinds.get(kind_label or "", Kind.created), training, consent,
               confirmed)
    result = ctx.state.stamped
    if result is not None and result.assessment == op.draft.id:
        st.success(ctx.t("cred.ui.recorded"), icon=":material/verified:")
        st.download_button(ctx.t("cred.ui.download"), data=result.data, file_name=result.name,
                           mime=result.media_type, key=key("cred", "download"), type="primary")
        if result.local:
            st.caption(ctx.t("cred.ui.untrusted_note"))
    stamps = op.draft.stamps
    if stamps:
        st.markdown(f"**{md_escape(ctx.t('cred.ui.history'))}**")
        for line in stamp_lines(stamps, ctx.lang):
            st.markdown(f"- {md_escape(line)}")


def _verify_section(ctx: Context) -> None:
    st.subheader(ctx.t("cred.ui.verify_title"))
    upload = st.file_uploader(ctx.t("cred.ui.verify_upload"), key="vigil.cred.verify")
    if upload is None:
        return
    try:
        result = verify_bytes(upload.getvalue(), local_trust_anchor())
    except CredentialsError as exc:
        st.error(str(exc), icon=":material/error:")
        return
    lines = verification_lines(result, ctx.lang)
    headline, rest = md_escape(lines[0]), lines[1:]
    if result.status == Status.valid:
        st.success(headline, icon=":material/verified:")
    elif result.status == Status.invalid:
        st.error(headline, icon=":material/gpp_bad:")
    else:
        st.info(headline, icon=":material/info:")
    for line in rest:
        st.markdown(f"- {md_escape(line)}")


def render(ctx: Context) -> None:
    st.title(ctx.t("cred.ui.title"))
    st.write(ctx.t("cred.ui.intro"))
    st.caption(ctx.t("cred.ui.formats", formats=supported_labels()))
    op = opened(ctx, "credentials")
    if op is not None:
        _stamp_section(ctx, op)
    st.divider()
    _verify_section(ctx)
