"""Turning answers into readable words: choice labels (never ids), dates, numbers, people, "don't know"."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date as babel_date

from vigil import i18n
from vigil.i18n import formats
from vigil.models import kinds
from vigil.models.assessment import Answer
from vigil.models.checklist import Option, PeopleField, Question
from vigil.models.common import isolate as isolate  # its home is vigil.models.common; re-exported here
from vigil.models.common import pick


def doc(lang: str, key: str, /, **params: object) -> str:
    """A document string (``vigil/i18n/<lang>/documents.json``)."""
    return i18n.t(lang, f"doc.{key}", **params)


# between the options of a multiple choice: option labels start with a capital and may hold commas themselves
# ("A talking avatar, chatbot, A voice" read as three things, and "A" mid-sentence looks like a typo)
LIST_SEPARATOR = " · "


def format_date(value: dt.date, lang: str) -> str:
    """A date as people write it, by Babel: "22 November 2026", "22. November 2026"."""
    return formats.format_date(value, lang)


def format_month(value: dt.date, lang: str) -> str:
    """A month and year as people write them: "June 2026", "Juni 2026"."""
    return babel_date(value, format="LLLL y", locale=formats.locale_of(lang))


def format_number(value: float, lang: str = i18n.DEFAULT_LANGUAGE) -> str:
    """A number in the reader's language: "1,5" in German; whole numbers without a decimal part."""
    return formats.format_number(int(value) if float(value).is_integer() else value, lang)


def _option_label(options: list[Option], oid: str, lang: str) -> str:
    for o in options:
        if o.id == oid:
            return pick(o.label, lang)
    return oid


def choice_label(question: Question, oid: str, lang: str) -> str:
    if not kinds.spec(question.kind).authored_options:  # built in (yes, no, not applicable): Vigil's own words
        return i18n.t(lang, f"answer.{oid}")
    return _option_label(question.options, oid, lang)


def field_value(field: PeopleField, raw: str | list[str] | None, lang: str) -> str:
    """One cell of a people register, as words ('' when empty)."""
    if isinstance(raw, list):
        return LIST_SEPARATOR.join(_option_label(field.options, r, lang) for r in raw)
    if raw is None or not raw.strip():
        return ""
    if field.kind == "single_choice":
        return _option_label(field.options, raw, lang)
    if field.kind == "date":
        try:
            return format_date(dt.date.fromisoformat(raw), lang)
        except ValueError:
            return raw
    return raw


def answer_text(question: Question, answer: Answer | None, lang: str) -> str:
    """The answer in words: labels for choices, a formatted date, "Don't know", or "not answered yet"."""
    if answer is None or not (answer.is_answered or answer.dont_know):
        return doc(lang, "not_answered")
    if answer.dont_know:
        return i18n.t(lang, "answer.dont_know")
    value = kinds.value_of(question, answer)
    if isinstance(value, list) and kinds.spec(question.kind).field == "people":
        return doc(lang, "people_count", count=len(value))
    if isinstance(value, list):
        return LIST_SEPARATOR.join(choice_label(question, str(c), lang) for c in value)
    if kinds.spec(question.kind).choice:
        return choice_label(question, str(value or ""), lang)
    if isinstance(value, dt.date):
        return format_date(value, lang)
    if isinstance(value, float | int):
        return format_number(value, lang)
    return str(value or "").strip()


def year_of(question: Question, answer: Answer | None) -> str | None:
    """The year a born/died answer gives, whatever the question's kind; None when unknown."""
    if answer is None or not answer.is_answered:
        return None
    if answer.date is not None:
        return str(answer.date.year)
    if answer.number is not None and float(answer.number).is_integer():
        return str(int(answer.number))
    if answer.text:
        text = answer.text.strip()
        try:
            return str(dt.date.fromisoformat(text).year)
        except ValueError:
            return text[:40] or None
    return None
