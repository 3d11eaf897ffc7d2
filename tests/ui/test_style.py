"""Contrast of the theme (issue 10 §5), computed from .streamlit/config.toml and vigil/ui/style.py with the WCAG
formula, and the script that puts Streamlit's own words into the page language."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest

from vigil.ui import style

THEME = tomllib.loads((Path(__file__).resolve().parents[2] / ".streamlit" / "config.toml").read_text())["theme"]
BACKGROUNDS = (THEME["backgroundColor"], THEME["secondaryBackgroundColor"])  # the page and the sidebar
AA = 4.5


def _luminance(colour: str) -> float:
    channels = [int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_formula_matches_known_values() -> None:
    assert ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert ratio("#7c7d7d", "#efebe5") == pytest.approx(3.47, abs=0.02)  # what axe measured on the old captions


@pytest.mark.parametrize("name", ["textColor", "linkColor", "primaryColor"])
@pytest.mark.parametrize("background", BACKGROUNDS)
def test_theme_colours_reach_aa_on_both_backgrounds(name: str, background: str) -> None:
    assert ratio(THEME[name], background) >= AA, f"{name} {THEME[name]} on {background}"


@pytest.mark.parametrize("background", BACKGROUNDS)
def test_hints_reach_aa_on_both_backgrounds(background: str) -> None:
    assert ratio(style.HINT, background) >= AA
    assert "opacity: 1" in style.CSS  # Streamlit fades captions with opacity; the colour alone would not hold


def test_text_on_primary_buttons_reaches_aa() -> None:
    assert ratio("#ffffff", THEME["primaryColor"]) >= AA


def _words(lang: str) -> dict[str, object]:
    script = style.language_script(lang)
    found = re.search(r"w.__vigilWords = (\{.*?\});\n", script)
    assert found is not None
    data: dict[str, object] = json.loads(found.group(1))
    return data


def test_german_page_gets_german_streamlit_words_and_its_language() -> None:
    words = _words("de")
    assert words["lang"] == "de"
    rules = dict(words["rules"])  # type: ignore[call-overload]
    assert rules["^Skip\\ to\\ main\\ content$"] == "Zum Hauptinhalt springen"
    assert rules["^Select\\ (.+?)\\ matches$"] == "$1 Treffer auswählen"
    assert re.match("^(.+?)\\ per\\ file$".replace("\\ ", " "), "200MB per file")


def test_english_page_changes_nothing_and_odd_languages_fall_back() -> None:
    assert _words("en") == {"lang": "en", "rules": []}
    assert _words("x'); alert(1); //")["lang"] == "en"
    assert "</script" not in style.language_script("de").split("</script>")[0][10:]


def test_a_long_toast_offers_more_in_the_page_language() -> None:
    """Streamlit cuts a toast after three lines and adds its own English "view more" / "view less" button."""
    script = style.language_script("de")
    rules = dict(_words("de")["rules"])  # type: ignore[call-overload]
    assert rules["^view\\ more$"] == "mehr anzeigen"
    assert rules["^view\\ less$"] == "weniger anzeigen"
    assert '[data-testid="stToast"]' in script  # the toast's words are among those the script translates


def test_an_empty_date_field_shows_german_letters_on_a_german_page() -> None:
    """React Aria writes "dd.mm.yyyy" into an empty date field whatever the page language."""
    rules = dict(_words("de")["rules"])  # type: ignore[call-overload]
    assert (rules["^dd$"], rules["^mm$"], rules["^yyyy$"]) == ("TT", "MM", "JJJJ")
    script = style.language_script("de")
    assert 'data-placeholder' in script and "vigilPh" in script
    assert "[data-vigil-ph]::after" in style.CSS
