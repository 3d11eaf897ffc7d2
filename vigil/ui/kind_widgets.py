"""Each kind of question on screen, in one table: the widget that draws it, how the widget's value becomes the
fields of an ``Answer`` and how an answer becomes the widget's value again.

``WIDGETS`` has one entry per kind of ``vigil.models.kinds.KINDS`` (tests/ui/test_kind_widgets.py fails until a
new kind has one). What a kind means (its field, whether it is answered by picking one option, its text limit)
is asked of the registry; what the screen adds (a radio laid out in a row, one line or several) is said here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

import streamlit as st

from vigil.i18n import t
from vigil.i18n.formats import widget_date_format
from vigil.models.assessment import Answer, Assessment
from vigil.models.checklist import Checklist, Question, QuestionKind
from vigil.models.common import pick
from vigil.models.kinds import spec
from vigil.render.text import choice_label
from vigil.ui import answers, register
from vigil.ui.bind import EARLIEST, LATEST, change, first_value
from vigil.ui.session import Session
from vigil.ui.shell import Context

DONT_KNOW = "__dont_know__"
"""The extra option a pick-one question shows when "don't know" is allowed."""


@dataclass(frozen=True)
class Drawing:
    """What a question's widget is drawn with."""

    ctx: Context
    session: Session
    checklist: Checklist
    question: Question
    answer: Answer | None


ToAnswer = Callable[[Question, object], dict[str, Any]]
FromAnswer = Callable[[Question, Answer], Any]


@dataclass(frozen=True)
class KindWidget:
    """One kind on screen: ``draw`` draws its widget, ``to_answer`` turns the widget's value into the answer's
    value fields, ``from_answer`` gives the widget's value for an answer."""

    draw: Callable[[Drawing], None]
    to_answer: ToAnswer
    from_answer: FromAnswer


# --------------------------------------------------------------------------- widget value <-> answer


def choice_options(question: Question) -> list[str]:
    """The options a choice widget offers, "don't know" last where a pick-one question allows it."""
    options = list(question.option_ids())
    if question.allow_dont_know and spec(question.kind).pick_one:
        options.append(DONT_KNOW)
    return options


def _to_choice(question: Question, value: object) -> dict[str, Any]:
    if value == DONT_KNOW:
        return {"choice": None, "dont_know": True}
    return {"choice": value if value in question.option_ids() else None, "dont_know": False}


def _from_choice(question: Question, a: Answer) -> Any:
    return DONT_KNOW if a.dont_know and question.allow_dont_know else a.choice


def _to_choices(question: Question, value: object) -> dict[str, Any]:
    chosen = [c for c in (value or []) if c in question.option_ids()]  # type: ignore[attr-defined]
    return {"choices": chosen or None}


def _from_choices(question: Question, a: Answer) -> Any:
    return list(a.choices or [])


def _to_text(question: Question, value: object) -> dict[str, Any]:
    return {"text": answers.cut_text(value, spec(question.kind).max_length)}


def _from_text(question: Question, a: Answer) -> Any:
    return a.text or ""


def _to_number(question: Question, value: object) -> dict[str, Any]:
    return {"number": None if value is None else float(value)}  # type: ignore[arg-type]


def _from_number(question: Question, a: Answer) -> Any:
    return a.number


def _to_date(question: Question, value: object) -> dict[str, Any]:
    return {"date": value if isinstance(value, dt.date) else None}


def _from_date(question: Question, a: Answer) -> Any:
    return a.date


def _to_people(question: Question, value: object) -> dict[str, Any]:
    raise ValueError(f"{question.kind.value} questions are changed person by person")


def _from_people(question: Question, a: Answer) -> Any:
    return None


def value_changes(question: Question, value: object) -> dict[str, Any]:
    """The answer fields a widget value sets (the value fields only)."""
    return WIDGETS[question.kind].to_answer(question, value)


def widget_value(question: Question, answer: Answer | None) -> Any:
    """What the question's main widget shows for ``answer``."""
    return WIDGETS[question.kind].from_answer(question, answer or Answer())


def set_value(assessment: Assessment, question: Question, value: object) -> None:
    """Record what the question's main widget now says. A real value ends "don't know"."""
    answers.record(assessment, question.id, value_changes(question, value))


# --------------------------------------------------------------------------- drawing


def _on_value(session: Session, question: Question, key: str) -> None:
    change(session, question.id, set_value, question, st.session_state.get(key))


def _option_label(lang: str, q: Question, option_id: str) -> str:
    # A module-level function (with functools.partial) keeps the widget picklable.
    return t(lang, "answer.dont_know") if option_id == DONT_KNOW else choice_label(q, option_id, lang)


def _one_value(d: Drawing, widget: Callable[..., object], **options: Any) -> None:
    """A widget holding the question's one value, its first value taken from the draft."""
    q = d.question
    key = d.session.widget_key("q", q.id)
    label = pick(q.text, d.ctx.lang)  # the visible label is drawn above, escaped; this one is for screen readers
    first_value(key, widget_value(q, d.answer))
    widget(label, key=key, label_visibility="collapsed", on_change=_on_value, args=(d.session, q, key), **options)


def _radio(d: Drawing, *, horizontal: bool) -> None:
    _one_value(d, st.radio, options=choice_options(d.question), horizontal=horizontal,
               format_func=partial(_option_label, d.ctx.lang, d.question))


def _multiselect(d: Drawing) -> None:
    _one_value(d, st.multiselect, options=list(d.question.option_ids()), placeholder=d.ctx.t("ui.q.choose"),
               format_func=partial(_option_label, d.ctx.lang, d.question))


def _text(d: Drawing, *, multiline: bool) -> None:
    _one_value(d, st.text_area if multiline else st.text_input, max_chars=spec(d.question.kind).max_length)


def _number(d: Drawing) -> None:
    _one_value(d, st.number_input, min_value=d.question.min, max_value=d.question.max, value=None, step=1.0,
               format="%g")


def _date(d: Drawing) -> None:
    _one_value(d, st.date_input, min_value=EARLIEST, max_value=LATEST, value=None,
               format=widget_date_format(d.ctx.lang))


def _register(d: Drawing) -> None:
    register.draw(d.ctx, d.session, d.checklist, d.question)


WIDGETS: dict[QuestionKind, KindWidget] = {
    QuestionKind.single_choice: KindWidget(partial(_radio, horizontal=False), _to_choice, _from_choice),
    QuestionKind.yes_no: KindWidget(partial(_radio, horizontal=True), _to_choice, _from_choice),
    QuestionKind.multi_choice: KindWidget(_multiselect, _to_choices, _from_choices),
    QuestionKind.short_text: KindWidget(partial(_text, multiline=False), _to_text, _from_text),
    QuestionKind.long_text: KindWidget(partial(_text, multiline=True), _to_text, _from_text),
    QuestionKind.number: KindWidget(_number, _to_number, _from_number),
    QuestionKind.date: KindWidget(_date, _to_date, _from_date),
    QuestionKind.people: KindWidget(_register, _to_people, _from_people),
}


def draw(d: Drawing) -> None:
    """The widget of the question's kind."""
    WIDGETS[d.question.kind].draw(d)
