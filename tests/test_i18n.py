"""Every language has the same strings as English, with the same placeholders."""

from __future__ import annotations

import json
import re
import string
from pathlib import Path

import pytest

from vigil import i18n
from vigil.models.message import message

FOLDER = Path(i18n.__file__).parent
LANGS = [p.name for p in FOLDER.iterdir() if p.is_dir() and not p.name.startswith("_")]


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_english_and_german_are_available() -> None:
    assert i18n.available_languages()[:1] == ("en",)
    assert "de" in i18n.available_languages()
    assert set(i18n.available_languages()) == set(LANGS)


@pytest.mark.parametrize("lang", [lang for lang in LANGS if lang != "en"])
def test_same_files_keys_and_placeholders_as_english(lang: str) -> None:
    en_files = sorted(p.name for p in (FOLDER / "en").glob("*.json"))
    assert sorted(p.name for p in (FOLDER / lang).glob("*.json")) == en_files
    for name in en_files:
        en = json.loads((FOLDER / "en" / name).read_text(encoding="utf-8"))
        other = json.loads((FOLDER / lang / name).read_text(encoding="utf-8"))
        assert set(other) == set(en), f"{lang}/{name}: keys differ: {set(en) ^ set(other)}"
        for key, template in en.items():
            assert other[key].strip(), f"{lang}/{name}: {key} is empty"
            assert _fields(other[key]) == _fields(template), f"{lang}/{name}: {key} placeholders differ"


def test_parameters_are_values_not_templates() -> None:
    text = i18n.t("en", "finding.unknown.message", question="{0.__class__} {missing}")
    assert text == "Not yet known: {0.__class__} {missing}"


def test_fallback_to_english_for_unknown_language() -> None:
    assert i18n.t("xx", "verdict.stop") == i18n.t("en", "verdict.stop")
    with pytest.raises(KeyError):
        i18n.t("en", "no.such.key")


def test_a_message_picks_localized_parameters() -> None:
    said = message("finding.unknown.message", question={"en": "Who?", "de": "Wer?"})
    assert i18n.words(said, "en").endswith("Who?") and i18n.words(said, "de").endswith("Wer?")


def test_german_sentences_about_relatives_do_not_read_as_her_or_them() -> None:
    """A line about one person (Jörg Berger, a brother) must not say „ihre Zustimmung“ (her consent), and one about
    several must not say „sie ist“: the consent sentences about relatives use neither pronoun."""
    ambiguous = re.compile(r"\b(ihre|ihren|ihrer|ihnen|sie sind|sie ist)\b")
    keys = [k for k in i18n.strings("de") if k.startswith(("consent.person.", "consent.family_", "consent.others_"))]
    assert len(keys) >= 10
    assert [(k, i18n.t("de", k)) for k in keys if ambiguous.search(i18n.t("de", k))] == []
