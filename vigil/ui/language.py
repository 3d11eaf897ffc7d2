"""Which interface language a browser gets, and how its choice is remembered (a cookie, never the URL)."""

from __future__ import annotations

from vigil.i18n import DEFAULT_LANGUAGE, available_languages

COOKIE = "vigil_lang"
ONE_YEAR = 365 * 24 * 3600


def initial_language(cookie: str | None, locale: str | None) -> str:
    """The remembered choice if there is one, else the browser's language if Vigil has it, else English."""
    langs = available_languages()
    if cookie in langs:
        return cookie
    if locale:
        base = locale.replace("_", "-").split("-")[0].lower()
        if base in langs:
            return base
    return DEFAULT_LANGUAGE


def cookie_script(lang: str) -> str:
    """A tiny script that remembers ``lang`` for this browser. Only a known language code goes into it."""
    if lang not in available_languages():
        raise ValueError(f"unknown language {lang!r}")
    return (
        f"<script>document.cookie = '{COOKIE}={lang}; path=/; max-age={ONE_YEAR}; SameSite=Strict';</script>"
    )
