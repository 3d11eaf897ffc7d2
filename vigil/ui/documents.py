"""The documents panel on the results page: the assessment file (JSON) and the PDFs."""

from __future__ import annotations

import streamlit as st

from vigil.assessment_file import to_json
from vigil.models.assessment import Assessment
from vigil.models.checklist import Checklist
from vigil.ui.shell import Context


def file_name(kind: str, assessment: Assessment, extension: str) -> str:
    """A download name that carries no names or answers: the kind and the date only."""
    return f"vigil-{kind}-{assessment.meta.updated.date().isoformat()}.{extension}"


def panel(ctx: Context, checklist: Checklist, assessment: Assessment) -> None:
    del checklist
    st.subheader(ctx.t("ui.docs.heading"))
    st.caption(ctx.t("ui.docs.json.help"))
    st.download_button(ctx.t("ui.docs.json"), data=to_json(assessment).encode("utf-8"),
                       file_name=file_name("assessment", assessment, "json"), mime="application/json",
                       key="vigil.docs.json", icon=":material/download:", on_click="ignore")
