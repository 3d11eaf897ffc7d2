"""Shared fixtures for the document tests: the studio checklist, a full assessment, text read back."""

from __future__ import annotations

import io
import re
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from tests.render.fixtures import studio_checklist
from vigil.models.checklist import Checklist


@pytest.fixture(scope="session")
def checklist() -> Checklist:
    return studio_checklist()


def pdf_text(pdf: bytes) -> str:
    """The text of a PDF as pdftotext reads it (pypdf when poppler is absent), whitespace collapsed."""
    if shutil.which("pdftotext"):
        out = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True,
                             check=True).stdout.decode("utf-8")
    else:  # pragma: no cover
        out = "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages)
    return re.sub(r"\s+", " ", out)


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def xmp(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    meta = reader.trailer["/Root"].get("/Metadata")
    return meta.get_object().get_data().decode("utf-8") if meta is not None else ""
