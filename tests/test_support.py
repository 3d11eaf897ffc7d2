"""Which support is offered: where the family lives first, else the reader's language; always what serves anywhere.
Authoring mistakes in the support list are located by ``vigil validate``."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.render.shipped import shipped_assessment, shipped_checklist
from vigil.models.assessment import Answer
from vigil.render import document_input
from vigil.render.family import family_payload
from vigil.support import support_for, support_problems

CHECKLIST = shipped_checklist()
TODAY = dt.date(2026, 12, 2)


def _offered(lang: str, **answers: Answer) -> list[str]:
    return [r.name["en"] for r in support_for(CHECKLIST, answers, lang)]


def test_a_family_in_austria_reading_german_is_offered_the_austrian_line_not_the_german_one() -> None:
    offered = _offered("de", heirs_live=Answer(choices=["at"]), person_lived=Answer(choices=["de"]))
    assert any("Österreich" in name for name in offered)
    assert "TelefonSeelsorge Deutschland" not in offered
    assert "Your doctor" in offered


def test_a_family_in_the_uk_reading_german_is_offered_the_uk_lines() -> None:
    offered = _offered("de", heirs_live=Answer(choices=["uk"]))
    assert offered == ["Cruse Bereavement Support", "Samaritans", "Your doctor"]


def test_where_the_person_lived_counts_when_nobody_knows_where_the_relatives_live() -> None:
    offered = _offered("en", heirs_live=Answer(dont_know=True), person_lived=Answer(choices=["de"]))
    assert offered == ["TelefonSeelsorge Deutschland", "Your doctor"]


@pytest.mark.parametrize("answers", [{}, {"heirs_live": Answer(choices=["fr"])}])
def test_without_a_listed_place_the_language_decides_as_before(answers: dict[str, Answer]) -> None:
    assert _offered("de", **answers) == [r.name["en"] for r in CHECKLIST.support if "de" in r.languages]
    assert "Cruse Bereavement Support" in _offered("en", **answers)


def test_the_family_summary_offers_support_for_where_the_family_lives() -> None:
    a = shipped_assessment(CHECKLIST)
    a.answers["heirs_live"] = Answer(choices=["at"])
    names = [s.name for s in family_payload(document_input(CHECKLIST, a, "de", TODAY)).support]
    assert any("Österreich" in n for n in names) and not any("Deutschland" in n for n in names)


def test_support_problems_name_a_place_nobody_offers_and_a_question_that_is_no_choice() -> None:
    broken = CHECKLIST.model_copy(update={
        "support_places": ["heirs_live", "person_name"],
        "support": [CHECKLIST.support[0].model_copy(update={"places": ["atlantis"]})],
    })
    problems = list(support_problems(broken))
    assert (("support_places", 1), "'person_name' is not a choice question of this checklist") in problems
    assert (("support", 0, "places", 0), "no support_places question offers the place 'atlantis'") in problems
    assert list(support_problems(CHECKLIST)) == []
