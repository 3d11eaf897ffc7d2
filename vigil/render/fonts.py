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

from vigil import i18n
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


_DIRS_OF: dict[int, tuple[typst.Fonts, tuple[str, ...]]] = {}


def make_fonts(dirs: Sequence[str | Path]) -> typst.Fonts:
    """A font set of Typst's embedded fonts plus the fonts in ``dirs`` (folders that do not exist are skipped).

    Documents are compiled in worker processes, which build the same set from its folders (``font_dirs_of``).
    """
    existing = [str(d) for d in dirs if Path(d).is_dir()]
    fonts = typst.Fonts(include_system_fonts=False, include_embedded_fonts=True, font_paths=existing)
    _DIRS_OF[id(fonts)] = (fonts, tuple(existing))
    return fonts


def font_dirs_of(fonts: typst.Fonts) -> tuple[str, ...]:
    """The folders a font set made by ``make_fonts`` was built from."""
    kept = _DIRS_OF.get(id(fonts))
    if kept is None or kept[0] is not fonts:
        raise ValueError("font sets for documents are made with vigil.render.fonts.make_fonts")
    return kept[1]


@cache
def default_fonts() -> typst.Fonts:
    """The font set used unless a caller passes its own: built once per process."""
    return make_fonts(FONT_DIRS)


# --------------------------------------------------------------------------- explaining a missing glyph

_SCRIPTS: tuple[tuple[str, str, str], ...] = (
    # (prefix of the Unicode character name, script id (doc.script.<id>), the Debian package that covers it)
    ("CJK", "cjk", "fonts-noto-cjk"),
    ("HIRAGANA", "japanese", "fonts-noto-cjk"),
    ("KATAKANA", "japanese", "fonts-noto-cjk"),
    ("HANGUL", "korean", "fonts-noto-cjk"),
    ("BOPOMOFO", "chinese", "fonts-noto-cjk"),
    ("ARABIC", "arabic", "fonts-noto-core"),
    ("HEBREW", "hebrew", "fonts-noto-core"),
)


def script_of(char: str) -> tuple[str, str]:
    """A script id for ``char`` (``cjk``, ``arabic``, ``emoji``... or the Unicode script word) and the
    Debian font package that covers it."""
    name = unicodedata.name(char, "")
    for prefix, script, package in _SCRIPTS:
        if name.startswith(prefix):
            return script, package
    if unicodedata.category(char) == "So":
        return "emoji", "fonts-noto-color-emoji"
    return (name.split(" ")[0].capitalize() if name else "unusual"), "fonts-noto-core"


_PACKAGE_FILES: dict[str, str] = {
    "fonts-noto-cjk": "NotoSansCJK-Regular.ttc",
    "fonts-noto-core": "NotoSans-Regular.ttf",
    "fonts-noto-color-emoji": "NotoColorEmoji.ttf",
}
"""A file each font package installs: when it is among the fonts used, installing the package cannot help."""


def _installed(package: str, font_dirs: Sequence[str]) -> bool:
    name = _PACKAGE_FILES.get(package)
    return name is not None and any((Path(d) / name).exists() for d in font_dirs)


def missing_font_error(char: str, texts: Iterable[str], names: Iterable[str], lang: str, *,
                       field: str | None = None, font_dirs: Sequence[str] = FONT_DIRS) -> FontMissingError:
    """The error for a character no font can show; names every character of that script found in ``texts``,
    and ``field`` (where the character is, e.g. a question) when it is known.

    When the font package that would cover the script is already among ``font_dirs``, installing it cannot
    help: the message names the character and the field and asks to replace it.
    """
    if field is not None:
        where = i18n.t(lang, "fonts.in_field", field=field)
    else:
        where = i18n.t(lang, "doc.error.in_names" if any(char in n for n in names) else "doc.error.in_text")
    script, package = script_of(char)
    if _installed(package, font_dirs):
        return FontMissingError(i18n.t(lang, "fonts.none_has", char=char, code=f"{ord(char):04X}", where=where))
    seen: list[str] = []
    for text in texts:
        for c in text:
            if c not in seen and not c.isspace() and script_of(c)[0] == script and len(seen) < 12:
                seen.append(c)
    if char not in seen:
        seen.insert(0, char)
    known = i18n.strings(i18n.DEFAULT_LANGUAGE)
    label = i18n.t(lang, f"doc.script.{script}") if f"doc.script.{script}" in known else script
    return FontMissingError(i18n.t(lang, "doc.error.font_missing", script=label, where=where,
                                   chars=" ".join(seen), package=package))
