"""The document strings handed to the templates, already translated (templates hold no language text)."""

from __future__ import annotations

from vigil import i18n


def template_strings(lang: str) -> dict[str, str]:
    """Every ``doc.*`` string of ``lang`` without its prefix, English filling any gap."""
    base = {k: v for k, v in i18n.strings(i18n.DEFAULT_LANGUAGE).items() if k.startswith("doc.")}
    own = i18n.strings(lang) if lang in i18n.available_languages() else {}
    merged = {**base, **{k: v for k, v in own.items() if k.startswith("doc.")}}
    return {k.removeprefix("doc."): v for k, v in merged.items()}
