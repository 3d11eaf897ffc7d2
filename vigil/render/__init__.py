"""Documents: the assessment report, the family consent form, the family summary and the disclosure label kit.

Data in, bytes out: a ``DocumentInput`` is built once (``document_input``) and each document in ``DOCUMENTS``
renders it to PDF bytes;
writing files happens at the edges (the app's download buttons, ``vigil report`` ...).
"""

from vigil.render.documents import DOCUMENTS, consent_form_pdf, family_summary_pdf, file_name, labels_pdf, report_pdf
from vigil.render.errors import FontMissingError, RenderError
from vigil.render.input import DocumentInput, document_input, label_kit
from vigil.render.labels import LabelKit, PlatformGuide, label_kit_text

__all__ = [
    "DOCUMENTS",
    "DocumentInput",
    "FontMissingError",
    "LabelKit",
    "PlatformGuide",
    "RenderError",
    "consent_form_pdf",
    "document_input",
    "family_summary_pdf",
    "file_name",
    "label_kit",
    "label_kit_text",
    "labels_pdf",
    "report_pdf",
]
