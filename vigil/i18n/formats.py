"""Dates, numbers and plurals in the reader's language, with Babel.

Each language names its locale in ``i18n/<lang>/formats.json`` (``format.locale``: ``en_GB``, ``de_DE``), so a
new language brings its own formats with its files. Plural forms are flat keys with the CLDR category as suffix
(``ui.status.more.one``, ``ui.status.more.other``); ``tn`` picks the one Babel's plural rule gives for the count,
as gettext's ``ngettext`` would (a language with more forms, e.g. ``.few`` and ``.many``, adds those keys).
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from babel import Locale
from babel.dates import format_date as babel_date
from babel.numbers import format_decimal

from vigil import i18n


@cache
def locale_of(lang: str) -> Locale:
    """The Babel locale of a language (its ``format.locale``, else the language code itself)."""
    own = i18n.strings(lang) if lang in i18n.available_languages() else {}
    return Locale.parse(own.get("format.locale") or lang)


def format_date(value: dt.date, lang: str) -> str:
    """A date as people write it: "2 December 2026", "2. Dezember 2026"."""
    return babel_date(value, format="long", locale=locale_of(lang))


def short_date(value: dt.date, lang: str) -> str:
    """A date in the form people type it: "02/12/2026", "02.12.2026"."""
    return babel_date(value, format="dd" + _separator(lang) + "MM" + _separator(lang) + "yyyy", locale=locale_of(lang))


def _separator(lang: str) -> str:
    pattern = locale_of(lang).date_formats["short"].pattern
    return next((c for c in pattern if c in "./-"), "/")


def parse_date(text: str, lang: str) -> dt.date:
    """A typed date in the language's own order ("18.09.2025" in German, "18/09/2025" in British English), or
    ISO (2025-09-18). Raises ``ValueError`` for anything else, including a two-digit or implausible year."""
    raw = text.strip()
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        pass
    parts = [p for p in raw.replace("/", ".").replace("-", ".").split(".") if p]
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        raise ValueError(f"not a date: {text!r}")
    fields = dict(zip(_order(lang), (int(p) for p in parts), strict=True))
    if not 1000 <= fields["y"] <= 9999:
        raise ValueError(f"the year needs four digits: {text!r}")
    return dt.date(fields["y"], fields["M"], fields["d"])  # raises ValueError for 31.02. and the like


def _order(lang: str) -> str:
    """The order of day, month and year in the language's short date pattern ("dMy", "Mdy", "yMd")."""
    pattern = locale_of(lang).date_formats["short"].pattern
    order = ""
    for c in pattern:
        if c in "dMy" and c not in order:
            order += c
    return order if sorted(order) == sorted("dMy") else "dMy"


def widget_date_format(lang: str) -> str:
    """The date format for Streamlit's date fields in this language ("DD.MM.YYYY", "DD/MM/YYYY")."""
    sep = _separator(lang)
    parts = {"d": "DD", "M": "MM", "y": "YYYY"}
    return sep.join(parts[c] for c in _order(lang))


def format_number(value: float, lang: str) -> str:
    return format_decimal(value, locale=locale_of(lang), group_separator=False)


def plural_form(lang: str, count: int) -> str:
    """The CLDR plural category of ``count`` in ``lang``: "one", "other", ("few", "many" ...)."""
    return str(locale_of(lang).plural_form(count))


def tn(lang: str, key: str, count: int, /, **params: object) -> str:
    """The string ``key`` in the plural form ``count`` needs, with ``count`` and ``params`` filled in."""
    own = i18n.strings(lang) if lang in i18n.available_languages() else {}
    form = plural_form(lang, count)
    for candidate in (f"{key}.{form}", f"{key}.other"):
        if candidate in own or candidate in i18n.strings(i18n.DEFAULT_LANGUAGE):
            return i18n.t(lang, candidate, count=count, **params)
    raise KeyError(f"no plural string {key!r}")
