"""vigil/render/text.py: an answer in words, for each kind the registry knows."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.support.tiny import people, tiny_checklist
from vigil.models.assessment import Answer
from vigil.render.text import answer_text, choice_label

C = tiny_checklist()


@pytest.mark.parametrize(("qid", "answer", "lang", "words"), [
    ("consent", Answer(choice="yes"), "de", "Ja"),  # built-in options speak Vigil's own words
    ("consent", Answer(choice="not_applicable"), "en", "Not applicable"),
    ("medium", Answer(choice="voice"), "en", "Voice clone"),  # authored options speak the checklist's
    ("platforms", Answer(choices=["youtube", "tiktok"]), "de", "DE: YouTube · DE: TikTok"),
    ("voice_lines", Answer(text="  Bis bald  "), "de", "Bis bald"),
    ("age_at_death", Answer(number=81.5), "de", "81,5"),
    ("age_at_death", Answer(number=81), "en", "81"),
    ("died_on", Answer(date=dt.date(2020, 2, 29)), "en", "29 February 2020"),
    ("relatives", people("objects", "agrees"), "en", "People in the register: 2"),
    ("medium", Answer(dont_know=True), "en", "Don't know"),
    ("medium", None, "en", "Not answered yet"),
])
def test_an_answer_in_words(qid: str, answer: Answer | None, lang: str, words: str) -> None:
    assert answer_text(C.question(qid), answer, lang) == words


def test_an_unknown_option_is_shown_by_its_id() -> None:
    assert choice_label(C.question("medium"), "hologram", "en") == "hologram"
