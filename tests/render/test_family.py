"""The one-page summary for the family: written to them, one page, no scores or maker tasks, positions private."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.render.conftest import page_count, pdf_text
from tests.render.shipped import shipped_assessment, shipped_checklist
from vigil.models.assessment import Answer, Assessment, Maker
from vigil.render import DOCUMENTS, document_input, file_name
from vigil.render.family import family_payload

TODAY = dt.date(2026, 12, 2)
CHECKLIST = shipped_checklist()


def _assessment(**answers: Answer) -> Assessment:
    a = shipped_assessment(CHECKLIST, relatives=("Maria Hölzl", "Josef Hölzl", "Ilse Berger"))
    people = a.answers["people"].people or []
    for person, position in zip(people, ("agrees", "objects", "undecided"), strict=True):
        person.values["position"] = position
    a.maker = Maker(name="Anna Berg", organisation="Studio Lindenblatt", contact="anna@lindenblatt.example")
    a.meta.reference = "K-2026-118"
    a.answers.update(answers)
    return a


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_summary_is_one_page_written_to_the_family(lang: str) -> None:
    a = _assessment(medium=Answer(choices=["animated_photo"]), audience=Answer(choice="private"))
    pdf = DOCUMENTS["family"].render(document_input(CHECKLIST, a, lang, TODAY))
    assert page_count(pdf) == 1
    text = pdf_text(pdf)
    to = "To the family of Jürgen Weiß" if lang == "en" else "An die Familie von Jürgen Weiß"
    assert to in text
    assert ("An animated photo" if lang == "en" else "Ein animiertes Foto") in text
    assert ("No. A no needs no reason." if lang == "en" else "Ein Nein braucht keine Begründung.") in text
    assert "Anna Berg" in text and "K-2026-118" in text  # who asks, on the page
    for maker_words in ("C2PA", "verdict", "Resolve first", "Blocking", "obtain consent", "Based on your answers",
                        "Urteil", "Zuerst klären"):
        assert maker_words not in text


def test_positions_are_private_unless_the_maker_chooses_to_share_them() -> None:
    a = _assessment()
    hidden = family_payload(document_input(CHECKLIST, a, "en", TODAY))
    assert hidden.asked == ["Maria Hölzl", "Ilse Berger"]  # who said no is not asked again, nor named
    shared = family_payload(document_input(CHECKLIST, a, "en", TODAY, share_positions=True))
    assert shared.asked == ["Maria Hölzl · Agrees", "Josef Hölzl · Objects", "Ilse Berger · Undecided or needs time"]


def test_support_is_for_the_reader_s_language() -> None:
    de = family_payload(document_input(CHECKLIST, _assessment(), "de", TODAY))
    assert any("TelefonSeelsorge" in s.name for s in de.support)
    en = family_payload(document_input(CHECKLIST, _assessment(), "en", TODAY))
    assert not any("TelefonSeelsorge" in s.name for s in en.support)


@pytest.mark.parametrize(("reference", "expected"), [
    ("K-2026-118", "vigil-report-K-2026-118-2026-12-02.pdf"),
    ("K 2026/118", "vigil-report-K-2026-118-2026-12-02.pdf"),
    ("../../etc/passwd", "vigil-report-etc-passwd-2026-12-02.pdf"),
    ("Ölbild №7", "vigil-report-Olbild-No7-2026-12-02.pdf"),
])
def test_file_names_carry_the_reference_and_the_date(reference: str, expected: str) -> None:
    a = _assessment()
    a.meta.reference = reference
    assert file_name("report", a, TODAY, "pdf") == expected


def test_without_a_reference_the_file_name_has_a_short_id_and_never_a_name() -> None:
    a = _assessment()
    a.meta.reference = ""
    name = file_name("consent-form", a, TODAY, "pdf")
    assert name == f"vigil-consent-form-{a.id[:8]}-2026-12-02.pdf"
    assert "Weiß" not in name and "Wei" not in name
