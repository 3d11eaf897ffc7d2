"""Interface strings per language, one JSON file per language in this folder.

Adding a language is adding ``xx.json`` with the same keys as ``en.json`` (a test checks the keys match).
Values are ``str.format`` templates; parameters are inserted as plain values, never parsed as templates.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from vigil.models.common import LText

DEFAULT_LANGUAGE = "en"


@cache
def _catalog(lang: str) -> dict[str, str]:
    path = resources.files(__package__).joinpath(f"{lang}.json")
    data: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
    return data


@cache
def available_languages() -> tuple[str, ...]:
    """Language codes with a strings file, English first."""
    names = [p.name[:-5] for p in resources.files(__package__).iterdir() if p.name.endswith(".json")]
    return tuple(sorted(names, key=lambda n: (n != DEFAULT_LANGUAGE, n)))


def language_name(lang: str) -> str:
    """The language's own name for itself (from its file)."""
    return _catalog(lang).get("language.name", lang)


def t(lang: str, key: str, /, **params: object) -> str:
    """The string ``key`` in ``lang`` (falling back to English), with ``params`` filled in."""
    cat = _catalog(lang) if lang in available_languages() else _catalog(DEFAULT_LANGUAGE)
    template = cat.get(key) or _catalog(DEFAULT_LANGUAGE).get(key)
    if template is None:
        raise KeyError(f"no interface string {key!r}")
    return template.format(**params) if params else template


def every_language(key: str, /, **params: object) -> LText:
    """The string ``key`` in every available language. Parameters may be ``LText`` (picked per language)."""
    out: LText = {}
    for lang in available_languages():
        filled = {k: (v.get(lang) or v.get(DEFAULT_LANGUAGE, "")) if isinstance(v, dict) else v
                  for k, v in params.items()}
        out[lang] = t(lang, key, **filled)
    return out
