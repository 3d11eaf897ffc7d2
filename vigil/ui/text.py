"""Showing text safely: user text is data, never markup."""

from __future__ import annotations

import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:^=&])")


def md_escape(text: str) -> str:
    """``text`` escaped so Streamlit's Markdown shows every character literally (no styling, no HTML)."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    # Hard line breaks keep the user's lines; Markdown would otherwise join them.
    return escaped.replace("\r\n", "\n").replace("\n", "  \n")


def shorten(text: str, limit: int = 80) -> str:
    """One line of at most ``limit`` characters, for lists."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
