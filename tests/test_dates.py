"""Dates in the reader's language (Babel) and the age at death worked out from the dates (``years_between``)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.render.shipped import shipped_checklist
from vigil.engine import evaluate
from vigil.i18n.formats import format_date, parse_date, plural_form, short_date, tn
from vigil.models.assessment import Answer, Assessment, ChecklistPin
from vigil.models.conditions import Op, Span, YearsBetween, holds
from vigil.visibility import visible_answers

TODAY = dt.date(2026, 12, 2)


@pytest.mark.parametrize(("lang", "expected"), [("de", "2. Dezember 2026"), ("en", "2 December 2026")])
def test_dates_read_as_people_write_them(lang: str, expected: str) -> None:
    assert format_date(TODAY, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("18.09.2025", "de", dt.date(2025, 9, 18)),  # was saved as 1809-02-05
    ("18/09/2025", "en", dt.date(2025, 9, 18)),
    ("2025-09-18", "de", dt.date(2025, 9, 18)),
    ("1.2.2025", "de", dt.date(2025, 2, 1)),
])
def test_typed_dates_follow_the_language(text: str, lang: str, expected: dt.date) -> None:
    assert parse_date(text, lang) == expected
    assert parse_date(short_date(expected, lang), lang) == expected


@pytest.mark.parametrize(("text", "lang"), [("12/31/2025", "en"), ("31.02.2025", "de"), ("18.09.25", "de"),
                                            ("18.09", "de"), ("gestern", "de")])
def test_impossible_or_ambiguous_dates_are_refused(text: str, lang: str) -> None:
    with pytest.raises(ValueError):
        parse_date(text, lang)


@pytest.mark.parametrize(("lang", "count", "expected"), [
    ("de", 1, "und ein weiterer Hinweis auf der Ergebnisseite"),
    ("de", 3, "und 3 weitere Hinweise auf der Ergebnisseite"),
    ("en", 1, "and 1 more on the Results page"),
    ("en", 0, "and 0 more on the Results page"),
])
def test_plurals_follow_the_language(lang: str, count: int, expected: str) -> None:
    assert tn(lang, "ui.status.more", count) == expected
    assert plural_form(lang, count) in ("one", "other")


def test_years_between_two_date_answers() -> None:
    cond = YearsBetween(years_between=Span(start="born", end="died", op=Op.lt, value=18))
    child = {"born": Answer(date=dt.date(2008, 5, 1)), "died": Answer(date=dt.date(2026, 4, 30))}
    adult = {"born": Answer(date=dt.date(2008, 5, 1)), "died": Answer(date=dt.date(2026, 5, 1))}
    assert holds(cond, child, TODAY)
    assert not holds(cond, adult, TODAY)
    assert not holds(cond, {"born": Answer(date=dt.date(2008, 5, 1))}, TODAY)  # one date missing: unknown


def test_the_age_is_worked_out_from_the_dates_not_asked() -> None:
    checklist = shipped_checklist()
    pin = ChecklistPin(id=checklist.id, version=checklist.version)
    asked = Assessment(checklist=pin, answers={"died": Answer(date=dt.date(2025, 3, 1))})
    visible, _ = visible_answers(checklist, asked.answers, TODAY)
    assert "age_at_death" in {q.id for q in visible}  # a date is missing: the age is asked
    known = Assessment(checklist=pin, answers={
        "born": Answer(date=dt.date(2012, 1, 1)), "died": Answer(date=dt.date(2025, 3, 1)),
        "age_at_death": Answer(number=71),  # an older answer that the dates contradict is not used
        "realism": Answer(choice="realistic"), "audience": Answer(choice="public"),
    })
    visible, _ = visible_answers(checklist, known.answers, TODAY)
    assert "age_at_death" not in {q.id for q in visible}
    assert "minor_realistic_public" in {f.id for f in evaluate(checklist, known, TODAY).findings}


@pytest.mark.parametrize(("answers", "rule"), [
    ({"born": Answer(date=dt.date(1954, 3, 1)), "died": Answer(date=dt.date(1809, 2, 5))}, "dates_out_of_order"),
    ({"died": Answer(date=dt.date(2027, 1, 5))}, "death_in_the_future"),
])
def test_dates_are_checked_against_each_other(answers: dict[str, Answer], rule: str) -> None:
    checklist = shipped_checklist()
    a = Assessment(checklist=ChecklistPin(id=checklist.id, version=checklist.version), answers=answers)
    assert rule in {f.id for f in evaluate(checklist, a, TODAY).findings}
    fine = Assessment(checklist=a.checklist, answers={"born": Answer(date=dt.date(1954, 3, 1)),
                                                       "died": Answer(date=dt.date(2025, 9, 18))})
    assert rule not in {f.id for f in evaluate(checklist, fine, TODAY).findings}
