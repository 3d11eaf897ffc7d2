"""What a reader of the shipped scenarios' documents noticed: a refusal list that repeated its heading on every line,
options run together with commas ("..., Eine Stimme"), source dates as ISO strings in a German report, a source
list that left a page with one narrow column, and a sign-off split over two pages."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest

from tests.render.conftest import page_count, pdf_text
from vigil.cli.common import load_assessment
from vigil.models.assessment import Assessment
from vigil.models.checklist import Checklist
from vigil.render import DocumentInput, consent_form_pdf, document_input, family_summary_pdf, report_pdf
from vigil.render.consent import consent_payload
from vigil.render.family import family_payload
from vigil.render.report import report_payload

TODAY = dt.date(2026, 12, 2)
SCENARIOS = Path(__file__).parents[1] / "scenarios"


def _files(name: str) -> tuple[Checklist, Assessment]:
    assessment, checklist = load_assessment(str(SCENARIOS / f"{name}.json"))
    return checklist, assessment


def _input(name: str, lang: str) -> DocumentInput:
    return document_input(*_files(name), lang, TODAY)


def _pages(pdf: bytes) -> list[str]:
    """Each page's text as pdftotext reads it (it ends every page with a form feed)."""
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True)
    return [re.sub(r"\s+", " ", p) for p in out.stdout.decode("utf-8").split("\f")]


@pytest.mark.parametrize(("lang", "heading", "after", "position"), [
    ("en", "Who has said no", "Please note", "Objects"),
    ("de", "Wer abgelehnt hat", "Bitte beachten Sie", "Lehnt ab"),
])
def test_who_has_said_no_does_not_repeat_it_on_every_line(lang: str, heading: str, after: str, position: str) -> None:
    assessment, checklist = load_assessment(str(SCENARIOS / "song-voice-clone-estate-refuses.json"))
    text = pdf_text(report_pdf(checklist, assessment, lang, TODAY))
    section = text[text.index(heading) + len(heading):text.index(after)]
    assert "Bell Music Trust" in section
    assert position not in section
    assert position in text  # the register's table still gives each position


def test_the_options_of_a_multiple_choice_are_set_apart() -> None:
    payload = family_payload(_input("chatbot-parent-for-young-children", "de"))
    made = payload.what[0].value
    assert "Ein Avatar oder Chatbot" in made and "Eine Stimme" in made
    assert ", Eine Stimme" not in made
    assert " · Eine Stimme" in made


@pytest.mark.parametrize(("lang", "day", "month"), [("de", "10. Juni 2026", "Juni 2026"),
                                                     ("en", "10 June 2026", "June 2026")])
def test_source_dates_read_as_dates_in_the_readers_language(lang: str, day: str, month: str) -> None:
    sources = [s.text for s in report_payload(_input("funeral-wave-widow-agrees-child-not-asked", lang)).sources]
    assert any(day in s for s in sources)
    assert any(month in s and day not in s for s in sources)
    assert not [s for s in sources if re.search(r"\b\d{4}-\d{2}\b", s)]


@pytest.mark.parametrize("lang", ["en", "de"])
def test_sources_and_sign_off_leave_no_half_empty_page(lang: str) -> None:
    """The funeral case's German report was 7 pages: the sources in columns filled one column of page 6 and the
    sign-off's last two signers went to a page of their own."""
    assessment, checklist = load_assessment(str(SCENARIOS / "funeral-wave-widow-agrees-child-not-asked.json"))
    pdf = report_pdf(checklist, assessment, lang, TODAY)
    assert page_count(pdf) <= 6
    heading, last = {"en": ("Sign-off", "The estate or rights holder"),
                     "de": ("Unterschriften", "Der Nachlass oder die Rechteinhaber")}[lang]
    pages = _pages(pdf)
    on = [i for i, p in enumerate(pages) if heading in p]
    assert on and last in pages[on[-1]]


@pytest.mark.parametrize(("lang", "note", "gone"), [
    ("en", "Ирина Волкова has already said no and will not be asked again.", "please do not ask them to sign"),
    ("de", "Ирина Волкова hat bereits Nein gesagt und wird nicht noch einmal gefragt.",
     "bitte legen Sie dieses Formular"),
])
def test_the_consent_form_tells_the_family_of_a_refusal_in_words_for_them(lang: str, note: str, gone: str) -> None:
    """The form goes to the family: the old note told them what not to do with it, as if they were the maker."""
    assessment, checklist = load_assessment(str(SCENARIOS / "soldier-farewell-mother-objects.json"))
    text = pdf_text(consent_form_pdf(checklist, assessment, lang, TODAY))
    assert note in text
    assert gone not in text


@pytest.mark.parametrize(("lang", "names"), [("en", "A and B have already said no"),
                                             ("de", "A und B haben bereits Nein gesagt")])
def test_two_refusals_are_named_as_two(lang: str, names: str) -> None:
    inp = _input("soldier-farewell-mother-objects", lang)
    people = [p.model_copy(update={"name": n, "declined": True}) for p, n in zip(inp.facts.people, "AB", strict=False)]
    inp = dataclasses.replace(inp, facts=inp.facts.model_copy(update={"people": people}))
    assert consent_payload(inp).declined_note.startswith(names)


@pytest.mark.parametrize(("lang", "closing", "footer"), [("en", "With kind regards,\nСергей Волков", "From: Сергей Волков"),
                                                         ("de", "Mit freundlichen Grüßen\nСергей Волков",
                                                          "Von: Сергей Волков")])
def test_the_letter_closes_on_two_lines_and_the_foot_says_who_it_is_from(lang: str, closing: str, footer: str) -> None:
    """German letters close without a comma, the name on the next line; a bare name at every page's foot (under the
    family's own summary) did not say whose it was."""
    inp = _input("soldier-farewell-mother-objects", lang)
    assert consent_payload(inp).regards == closing
    for pdf in (consent_form_pdf(*_files("soldier-farewell-mother-objects"), lang, TODAY),
                family_summary_pdf(*_files("soldier-farewell-mother-objects"), lang, TODAY)):
        assert all(footer in p for p in _pages(pdf) if p.strip())


@pytest.mark.parametrize(("lang", "last_row"), [("en", "Copies already shared"), ("de", "Kopien, die schon weitergegeben")])
def test_the_withdrawal_table_stays_whole(lang: str, last_row: str) -> None:
    pages = _pages(consent_form_pdf(*_files("soldier-farewell-mother-objects"), lang, TODAY))
    heading = {"en": "How to withdraw", "de": "Wie Sie Ihre Zustimmung zurückziehen"}[lang]
    on = [i for i, p in enumerate(pages) if heading in p]
    assert on and last_row in pages[on[0]]


@pytest.mark.parametrize(("lang", "heading", "advised"), [
    ("en", "Whose answer is still missing", "Ask them (not required by law)"),
    ("de", "Wessen Antwort noch fehlt", "Fragen (gesetzlich nicht nötig)"),
])
def test_the_list_of_missing_answers_does_not_say_must_over_a_line_that_says_not_required(
        lang: str, heading: str, advised: str) -> None:
    """The funeral case's child need not agree by law: the list was headed "Who must still agree" all the same."""
    text = pdf_text(report_pdf(*_files("funeral-wave-widow-agrees-child-not-asked"), lang, TODAY))
    start = text.index(heading) + len(heading)
    first = text[start:start + 120]
    assert "Julia Berger" in first and advised in first
    assert "must still agree" not in text and "noch zustimmen muss" not in text


@pytest.mark.parametrize(("lang", "said", "not_said"), [
    ("de", ["18. März 2024", "„Disclosing AI-generated content“", "laut MediaNama"],
     ["18 March", "reported by", '"']),
    ("en", ["18 March 2024", "“Disclosing AI-generated content”", "reported by MediaNama"], ["18. März", '"']),
])
def test_the_label_kit_cites_its_platform_sources_in_the_readers_language(lang: str, said: list[str],
                                                                         not_said: list[str]) -> None:
    kit = _input("song-voice-clone-estate-refuses", lang).kit
    youtube = next(g.source for g in kit.platforms if g.platform == "YouTube")
    for words in said:
        assert words in youtube
    for words in not_said:
        assert words not in youtube
    assert kit.c2pa_source and ("Dokumentation" in kit.c2pa_source) == (lang == "de")


@pytest.mark.parametrize(("lang", "notice", "signatures"), [("en", "Before you sign", "Signatures"),
                                                            ("de", "Bevor Sie unterschreiben", "Unterschriften")])
def test_before_you_sign_comes_before_the_signatures_and_never_alone_on_a_page(lang: str, notice: str,
                                                                               signatures: str) -> None:
    """The notice came after the signature boxes, and in the museum case's German form its last two lines made a
    third page of their own."""
    pdf = consent_form_pdf(*_files("museum-estate-licence"), lang, TODAY)
    text = pdf_text(pdf)
    assert text.index(notice) < text.index(signatures)
    assert page_count(pdf) <= 2


@pytest.mark.parametrize(("lang", "role", "wrong"), [
    ("en", "Whoever commissioned the work", "The relative who commissioned"),
    ("de", "Wer das Werk in Auftrag gegeben hat", "Die angehörige Person, die das Werk beauftragt hat"),
])
def test_the_sign_off_does_not_call_a_record_label_a_relative(lang: str, role: str, wrong: str) -> None:
    """In the song case a museum, broadcaster, film or music production commissioned it: the sign-off line called
    it "the relative who commissioned the work"."""
    text = pdf_text(report_pdf(*_files("song-voice-clone-estate-refuses"), lang, TODAY))
    assert role in text
    assert wrong not in text


@pytest.mark.parametrize(("lang", "named", "someone"), [
    ("en", "Petra Schäfer would like to make a piece of memorial media", "Someone would like"),
    ("de", "Petra Schäfer möchte ein Erinnerungswerk", "Jemand möchte"),
])
def test_the_family_summary_says_who_would_like_to_make_it(lang: str, named: str, someone: str) -> None:
    """The daughter who asks was "Someone" to her own family, while the page's foot gave her name."""
    text = pdf_text(family_summary_pdf(*_files("private-animated-photo-recorded-consent"), lang, TODAY))
    assert named in text
    assert someone not in text


@pytest.mark.parametrize(("lang", "heading", "after", "ask"), [
    ("en", "Who has said no", "Please note", "Ask them"),
    ("de", "Wer abgelehnt hat", "Bitte beachten Sie", "Fragen (gesetzlich nicht nötig)"),
])
def test_someone_who_said_no_is_not_listed_with_ask_them(lang: str, heading: str, after: str, ask: str) -> None:
    """The soldier's mother said no; the list said "Ирина Волкова (parent) · Ask them (not required by law)"."""
    text = pdf_text(report_pdf(*_files("soldier-farewell-mother-objects"), lang, TODAY))
    section = text[text.index(heading) + len(heading):text.index(after)]
    assert "Ирина Волкова" in section
    assert ask not in section


@pytest.mark.parametrize(("name", "voice_example"), [("private-animated-photo-recorded-consent", False),
                                                     ("chatbot-parent-for-young-children", True)])
@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_family_is_not_offered_to_refuse_a_voice_a_silent_clip_does_not_have(name: str, voice_example: bool,
                                                                                 lang: str) -> None:
    text = pdf_text(family_summary_pdf(*_files(name), lang, TODAY))
    voice = {"en": "but not the voice", "de": "aber nicht zur Stimme"}[lang]
    assert (voice in text) == voice_example
    assert {"en": "Yes to some parts only", "de": "Ja, aber nur zu einzelnen Teilen"}[lang] in text


@pytest.mark.parametrize(("lang", "said"), [("en", "nothing on this form to sign"), ("de", "nichts zu unterschreiben")])
def test_a_form_where_everyone_has_said_no_says_there_is_nothing_to_sign(lang: str, said: str) -> None:
    """The song case: the only one named (the trust) has said no. The signatures heading had no boxes under it and
    no word why."""
    inp = _input("song-voice-clone-estate-refuses", lang)
    payload = consent_payload(inp)
    assert payload.signers == [] and said in payload.nothing_to_sign
    text = pdf_text(consent_form_pdf(*_files("song-voice-clone-estate-refuses"), lang, TODAY))
    assert said in " ".join(text.split())
    assert consent_payload(_input("soldier-farewell-mother-objects", lang)).nothing_to_sign == ""
