"""Which section of the questionnaire is shown, and which come before and after. No Streamlit."""

from __future__ import annotations

from collections.abc import Sequence


def current_section(visible: Sequence[str], order: Sequence[str], stored: str | None) -> str | None:
    """The stored section if it is visible; if it was hidden by an answer, the next visible one after it
    (else the last visible one before it); the first visible section when nothing is stored."""
    if not visible:
        return None
    if stored in visible:
        return stored
    if stored in order:
        position = order.index(stored)
        later = [s for s in visible if order.index(s) > position]
        if later:
            return later[0]
        return visible[-1]
    return visible[0]


def neighbours(visible: Sequence[str], current: str) -> tuple[str | None, str | None]:
    """The visible sections just before and just after ``current``."""
    i = list(visible).index(current)
    before = visible[i - 1] if i > 0 else None
    after = visible[i + 1] if i + 1 < len(visible) else None
    return before, after
