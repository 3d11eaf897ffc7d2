"""Without the Noto fonts, Latin text still works and other scripts give a clear FontMissingError."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.render.conftest import pdf_text
from tests.render.fixtures import NAMES, TODAY, full_assessment
from vigil.models.checklist import Checklist
from vigil.render import FontMissingError, RenderError, consent_form_pdf, labels_pdf, report_pdf
from vigil.render.fonts import make_fonts, script_of

NO_FONTS = make_fonts([])


def test_latin_german_and_cyrillic_render_without_noto(checklist: Checklist) -> None:
    a = full_assessment(people=0, person_name="Jürgen Weiß", hostile=False)
    a.answers["commissioner"].text = "Пётр Ильич"
    text = pdf_text(report_pdf(checklist, a, "de", TODAY, fonts=NO_FONTS))
    assert "Jürgen Weiß" in text
    assert "Пётр Ильич" in text


@pytest.mark.parametrize("render", [report_pdf, consent_form_pdf, labels_pdf])
def test_chinese_name_without_cjk_font_is_a_clear_error(checklist: Checklist, render: object) -> None:
    a = full_assessment(people=0, person_name=NAMES["chinese"], hostile=False)
    with pytest.raises(FontMissingError) as info:
        render(checklist, a, "en", TODAY, fonts=NO_FONTS)  # type: ignore[operator]
    message = str(info.value)
    assert "Chinese" in message
    assert "in the names" in message or "in “What was the person's name?”" in message  # the field, where known
    assert "fonts-noto-cjk" in message
    assert "王" in message and "秀" in message
    assert "\n" not in message
    assert isinstance(info.value, RenderError)


def test_emoji_in_a_note_without_an_emoji_font_names_the_fix(checklist: Checklist) -> None:
    a = full_assessment(people=0, hostile=False)
    a.answers["medium"].note = "She loved flowers 🌻"
    with pytest.raises(FontMissingError) as info:
        report_pdf(checklist, a, "en", TODAY, fonts=NO_FONTS)
    assert "🌻" in str(info.value)
    assert "in “What will you make?”" in str(info.value)  # the field the note belongs to
    assert "fonts-noto-color-emoji" in str(info.value)


@pytest.mark.skipif(not Path("/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf").exists(),
                    reason="fonts-noto-color-emoji is not installed")
def test_emoji_and_symbols_render_with_the_installed_fonts(checklist: Checklist) -> None:
    a = full_assessment(people=0, hostile=False)
    a.answers["medium"].note = "She loved flowers 🌻 and music ♪ ★ ✓"
    assert "🌻 and music ♪ ★ ✓" in pdf_text(report_pdf(checklist, a, "en", TODAY))


def test_the_message_is_in_the_document_language(checklist: Checklist) -> None:
    a = full_assessment(people=0, person_name=NAMES["chinese"], hostile=False)
    with pytest.raises(FontMissingError) as info:
        consent_form_pdf(checklist, a, "de", TODAY, fonts=NO_FONTS)
    message = str(info.value)
    assert "in den Namen" in message and "Chinesisch" in message and "fonts-noto-cjk" in message


def test_script_names() -> None:
    assert script_of("王") == ("cjk", "fonts-noto-cjk")
    assert script_of("ف") == ("arabic", "fonts-noto-core")
    assert script_of("ש")[0] == "hebrew"
    assert script_of("🌻") == ("emoji", "fonts-noto-color-emoji")
    assert script_of("क")[0] == "Devanagari"


def test_typst_escapes_in_the_error_are_read() -> None:
    from vigil.render.compile import _first_char

    assert _first_char("\\u{1f33b} and more") == "🌻"
    assert _first_char("王秀英") == "王"
