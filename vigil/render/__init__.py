"""Documents: the assessment report, the family consent form and the disclosure label kit.

Data in, bytes out: every function evaluates the assessment itself and returns PDF bytes (or a model);
writing files happens at the edges (the app's download buttons, ``vigil report`` ...).
"""

from vigil.render.documents import consent_form_pdf, labels_pdf, report_pdf
from vigil.render.errors import FontMissingError, RenderError
from vigil.render.labels import LabelKit, PlatformGuide, label_kit, label_kit_text

__all__ = [
    "FontMissingError",
    "LabelKit",
    "PlatformGuide",
    "RenderError",
    "consent_form_pdf",
    "label_kit",
    "label_kit_text",
    "labels_pdf",
    "report_pdf",
]
