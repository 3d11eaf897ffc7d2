"""Interface strings per language: one folder per language (``en/``, ``de/``), JSON files inside.

Each part of Vigil keeps its strings in its own file (``core.json``, ``ui.json``, ``documents.json``); a
language's strings are the union of its files. Adding a language is adding a folder with the same files and
keys as ``en/`` (a test checks they match). Values are ``str.format`` templates; parameters are inserted as
plain values and never parsed as templates themselves.

This package is for the edges (the app, the documents, the command line). The engine and the consent derivation
say what they mean as a ``vigil.models.message.Message``; ``words`` puts it in words in the user's language.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable

from vigil.models.common import pick
from vigil.models.message import Joined, Label, Message, Param

DEFAULT_LANGUAGE = "en"


def _folder(lang: str) -> Traversable:
    return resources.files(__package__).joinpath(lang)


@cache
def strings(lang: str) -> dict[str, str]:
    """Every string of ``lang`` (all its files merged). A key defined twice is a mistake."""
    merged: dict[str, str] = {}
    for entry in sorted(_folder(lang).iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".json"):
            continue
        data: dict[str, str] = json.loads(entry.read_text(encoding="utf-8"))
        clash = merged.keys() & data.keys()
        if clash:
            raise ValueError(f"i18n/{lang}/{entry.name} redefines {sorted(clash)}")
        merged.update(data)
    return merged


@cache
def available_languages() -> tuple[str, ...]:
    """Language codes with a strings folder, English first."""
    names = [
        p.name for p in resources.files(__package__).iterdir()
        if p.is_dir() and not p.name.startswith("_") and any(e.name.endswith(".json") for e in p.iterdir())
    ]
    return tuple(sorted(names, key=lambda n: (n != DEFAULT_LANGUAGE, n)))


def language_name(lang: str) -> str:
    """The language's own name for itself."""
    return strings(lang).get("language.name", lang)


def t(lang: str, key: str, /, **params: object) -> str:
    """The string ``key`` in ``lang`` (falling back to English), with ``params`` filled in."""
    own = strings(lang) if lang in available_languages() else {}
    template = own.get(key) or strings(DEFAULT_LANGUAGE).get(key)
    if template is None:
        raise KeyError(f"no interface string {key!r}")
    return template.format(**params) if params else template


_SEPARATOR = {"or": "consent.or", "list": "consent.list_separator", "status": "consent.status_separator"}


def words(text: Param, lang: str) -> str:
    """A text in words in ``lang``: a message of the pure layer (``vigil.models.message``) filled in, an authored
    ``LText`` picked. The one place where what the engine says becomes words."""
    if isinstance(text, Message):
        return t(lang, text.key, **{k: v if isinstance(v, int | float) else words(v, lang)
                                    for k, v in text.params.items()})
    if isinstance(text, Joined):
        return _joined([words(item, lang) for item in text.items], text.how, lang)
    if isinstance(text, Label):
        label = text.text if isinstance(text.text, str) else pick(text.text, lang)
        return label[:1].lower() + label[1:] if t(lang, "consent.relation_lower") == "yes" else label
    if isinstance(text, dict):
        return pick(text, lang)
    return str(text)


def _joined(parts: list[str], how: str, lang: str) -> str:
    if how == "sentences":
        out = parts[0] if parts else ""
        for part in parts[1:]:
            out = t(lang, "consent.sentences", first=out, then=part)
        return out
    if how == "and":
        if len(parts) <= 1:
            return "".join(parts)
        return t(lang, "consent.list_separator").join(parts[:-1]) + t(lang, "consent.and") + parts[-1]
    return t(lang, _SEPARATOR[how]).join(parts)
