"""Text that cannot run off the page: a very long unbroken word gets break opportunities, and a pile of combining
marks on one letter is cut down to a few, so neither draws over the columns, dates or tick boxes next to it.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

LONGEST_RUN = 28
"""Characters without a break opportunity before one is added (a zero-width space)."""
MOST_MARKS = 3
"""Combining marks kept on one base letter (Vietnamese and pointed Hebrew need two or three)."""

_RUN = re.compile(r"[^\s\u200b\-/]{" + str(LONGEST_RUN + 1) + ",}")


def _cap_marks(text: str) -> str:
    out: list[str] = []
    marks = 0
    for ch in text:
        if unicodedata.combining(ch):
            marks += 1
            if marks > MOST_MARKS:
                continue
        else:
            marks = 0
        out.append(ch)
    return "".join(out)


def _break_runs(text: str) -> str:
    def cut(m: re.Match[str]) -> str:
        run = m.group(0)
        return "\u200b".join(run[i:i + LONGEST_RUN] for i in range(0, len(run), LONGEST_RUN))

    return _RUN.sub(cut, text)


def fit(text: str) -> str:
    """``text`` as it is printed: the same words, with room to break and no towering marks."""
    if any(unicodedata.combining(c) for c in text):
        text = _cap_marks(text)
    return _break_runs(text)


def fit_payload(value: Any) -> Any:
    """Every string of a payload fitted (the template strings ``s`` and raw image data untouched)."""
    if isinstance(value, str):
        return fit(value)
    if isinstance(value, list):
        return [fit_payload(v) for v in value]
    if isinstance(value, dict):
        return {k: v if k in ("s", "logo", "c2pa_manifest", "fingerprint") else fit_payload(v)
                for k, v in value.items()}
    return value
