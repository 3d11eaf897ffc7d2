"""How much an assessment may hold: one limit per field, defined here once.

The model (``vigil.models.assessment``), the JSON schema (``vigil schema assessment``), the reader
(``vigil.assessment_file``), the checks against a checklist (``vigil.validation``) and the app's widgets
(``max_chars``) all use these numbers, so that no text is ever accepted in one place and cut in another.
"""

from __future__ import annotations

SHORT_TEXT_MAX = 2_000
"""Characters of a short text: the title, the maker's details, a person's field, an open item, a file name,
and the answer to a ``short_text`` question."""

LONG_TEXT_MAX = 50_000
"""Characters of a long text: the answer to a ``long_text`` question, and a note."""

PEOPLE_MAX = 100
"""People in one assessment, counted over all its registers."""

EVIDENCE_MAX = 50
"""Evidence references on one answer."""

TEXT_TOTAL_MAX = 1_000_000
"""Characters of text in one assessment, all fields together (twenty notes at their limit). Measured: 700,000
characters of notes make a 142-page report in 7 s on a loaded two-core machine."""

FILE_BYTES_MAX = 2 * 1024 * 1024
"""Bytes of an assessment file."""

NUMBER_DIGITS_MAX = 20
"""Digits of an integer in an assessment file (a longer one is not a number anyone typed)."""
