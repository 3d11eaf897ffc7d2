"""The fonts the documents use: Typst's embedded fonts plus the Noto folders found on this machine.

Scanning font folders is slow (a few hundred ms), so the font set is built once and reused. Tests inject
their own set (e.g. one with no folders at all) through the ``fonts=`` argument of the render functions.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

import typst

from vigil.render.errors import FontMissingError

FONT_DIRS: tuple[str, ...] = (
    "/usr/share/fonts/truetype/noto",
    "/usr/share/fonts/opentype/noto",
    "/usr/share/fonts/truetype/dejavu",
)
"""Where Debian's fonts-noto-core, fonts-noto-cjk, fonts-noto-color-emoji and fonts-dejavu-core put their
files (DejaVu Sans covers many symbols such as ★ ✓ ❤)."""

FONT_FAMILIES: tuple[str, ...] = (
    "Noto Sans",
    "Noto Sans Arabic",
    "Noto Sans Hebrew",
    "Noto Sans CJK SC",
    "DejaVu Sans",
    "Noto Color Emoji",
    "Libertinus Serif",
    "DejaVu Sans Mono",
)
"""Tried in order for each character; Typst falls back to any other font that has the glyph."""


def make_fonts(dirs: Sequence[str | Path]) -> typst.Fonts:
    """A font set of Typst's embedded fonts plus the fonts in ``dirs`` (folders that do not exist are skipped)."""
    existing = [str(d) for d in dirs if Path(d).is_dir()]
    return typst.Fonts(include_system_fonts=False, include_embedded_fonts=True, font_paths=existing)


@cache
def default_fonts() -> typst.Fonts:
    """The font set used unless a caller passes its own: built once per process."""
    return make_fonts(FONT_DIRS)


# --------------------------------------------------------------------------- explaining a missing glyph

_SCRIPTS: tuple[tuple[str, str, str], ...] = (
    # (prefix of the Unicode character name, what to call the script, the Debian package that covers it)
    ("CJK", "Chinese, Japanese or Korean", "fonts-noto-cjk"),
    ("HIRAGANA", "Japanese", "fonts-noto-cjk"),
    ("KATAKANA", "Japanese", "fonts-noto-cjk"),
    ("HANGUL", "Korean", "fonts-noto-cjk"),
    ("BOPOMOFO", "Chinese", "fonts-noto-cjk"),
    ("ARABIC", "Arabic", "fonts-noto-core"),
    ("HEBREW", "Hebrew", "fonts-noto-core"),
)


def script_of(char: str) -> tuple[str, str]:
    """A readable script name for ``char`` and the Debian font package that covers it."""
    name = unicodedata.name(char, "")
    for prefix, script, package in _SCRIPTS:
        if name.startswith(prefix):
            return script, package
    if unicodedata.category(char) == "So":
        return "symbol or emoji", "fonts-noto-color-emoji"
    script = name.split(" ")[0].capitalize() if name else "unusual"
    return script, "fonts-noto-core"


def missing_font_error(char: str, texts: Iterable[str], names: Iterable[str]) -> FontMissingError:
    """The error for a character no font can show; names every character of that script found in ``texts``."""
    script, package = script_of(char)
    seen: list[str] = []
    for text in texts:
        for c in text:
            if c not in seen and not c.isspace() and script_of(c)[0] == script and len(seen) < 12:
                seen.append(c)
    if char not in seen:
        seen.insert(0, char)
    where = "in the names" if any(char in n for n in names) else "in the text"
    chars = " ".join(seen)
    return FontMissingError(
        f"{script} characters {where} ({chars}) cannot be shown with the fonts on this computer; "
        f"please install the Noto fonts that cover them (apt-get install {package}) and try again."
    )
