"""Invisible and unassigned characters: removed or refused at input, naming the field; a character no font can
show is named, with the field it is in, and installing a font is advised only when that could help."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from tests.render.conftest import pdf_text
from tests.render.fixtures import NAMES, TODAY, full_assessment
from vigil.models.assessment import Answer, Meta, Person
from vigil.models.checklist import Checklist
from vigil.render import FontMissingError, consent_form_pdf, report_pdf
from vigil.render.fonts import FONT_DIRS, make_fonts, missing_font_error

NO_FONTS = make_fonts([])


def test_a_byte_order_mark_in_a_name_is_removed_and_every_document_is_made(checklist: Checklist) -> None:
    a = full_assessment(people=1, person_name="\ufeffAnna\u200b Schmidt\u2060", hostile=False)
    a.answers["relatives"].people = [Person(values={"name": "\ufeffLotte Weiß", "relation": "child",
                                                    "position": "agrees"})]
    assert a.answers["person_name"].text == "Anna Schmidt"
    assert "Anna Schmidt" in pdf_text(report_pdf(checklist, a, "en", TODAY))
    assert "Lotte Weiß" in pdf_text(consent_form_pdf(checklist, a, "en", TODAY))


@pytest.mark.parametrize("char", ["\u0378", "\ufdd0", "\uffff", "\U0010ffff"])
def test_an_unassigned_code_point_is_refused_naming_the_field(char: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Person(values={"name": f"Lotte{char}"})
    error = caught.value.errors()[0]
    assert error["loc"][:2] == ("values", "name")
    assert f"U+{ord(char):04X}" in error["msg"]
    with pytest.raises(ValidationError, match="title"):
        Meta(title=f"Oma{char}")


def test_the_font_message_names_the_field_and_the_character(checklist: Checklist) -> None:
    a = full_assessment(people=0, hostile=False)
    a.answers["medium"] = Answer(choice="photo", note=f"Für {NAMES['chinese']}")
    with pytest.raises(FontMissingError) as caught:
        report_pdf(checklist, a, "en", TODAY, fonts=NO_FONTS)
    message = str(caught.value)
    assert "“What will you make?”" in message
    assert "王" in message and "fonts-noto-cjk" in message
    with pytest.raises(FontMissingError, match="„Was möchten Sie erstellen\\?“"):
        report_pdf(checklist, a, "de", TODAY, fonts=NO_FONTS)


def test_installing_a_font_is_not_advised_when_it_is_already_there() -> None:
    error = missing_font_error("\U0001e290", ["Lotte \U0001e290"], ["Lotte \U0001e290"], "en", field="Name",
                               font_dirs=FONT_DIRS)
    message = str(error)
    assert "U+1E290" in message and "“Name”" in message and "\U0001e290" in message
    assert "apt-get" not in message and "install" not in message
    advised = missing_font_error("王", ["王"], [], "en", field="Name", font_dirs=())
    assert "apt-get install fonts-noto-cjk" in str(advised)
