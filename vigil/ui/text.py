"""Showing text safely: user text is data, never markup."""

from __future__ import annotations

import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:^=&])")
_LINK_START = re.compile(r"(?i)(https?|ftp|mailto|www)(?=\\[:.])")
WORD_JOINER = "\u2060"
"""Invisible and unbreakable: placed after a link's start it keeps Streamlit from turning the text into a link."""


def md_escape(text: str) -> str:
    """``text`` escaped so Streamlit's Markdown shows every character literally (no styling, no HTML, no links,
    no icons).

    A backslash stops Markdown, but not two things Streamlit does to the text afterwards: it turns addresses
    (``http://…``, ``www.…``, ``a@b.de``) into links, and ``:material/…:`` into icons. A colon is therefore written
    as a character reference (``&#58;``), and an invisible word joiner follows a link's start and every ``@``.
    """
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    escaped = _LINK_START.sub(r"\1" + WORD_JOINER, escaped).replace("@", "@" + WORD_JOINER)
    escaped = escaped.replace("\\:", "&#58;")
    # Hard line breaks keep the user's lines; Markdown would otherwise join them.
    return escaped.replace("\r\n", "\n").replace("\n", "  \n")


def shorten(text: str, limit: int = 80) -> str:
    """One line of at most ``limit`` characters, for lists."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
