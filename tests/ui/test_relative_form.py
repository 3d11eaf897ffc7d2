"""The relative's answer form (the page a consent link opens): nothing is chosen for them."""

from __future__ import annotations

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from tests.consent.test_actions import _scenario
from tests.ui.support import APP
from vigil import i18n
from vigil.consent_service import issue_link
from vigil.store.links import LinkIndex
from vigil.store.sql import open_store


def _relative_page(lang: str) -> tuple[AppTest, str]:
    a, checklist = _scenario()
    store = open_store()
    stored = store.create(a)
    person = (stored.answers["people"].people or [])[0].id
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    _, token = issue_link(store, LinkIndex(store.engine), checklist, stored, person, lang,
                          now + dt.timedelta(days=7), now)
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["k"] = token
    at.run()
    assert not at.exception
    return at, stored.id


@pytest.mark.parametrize("lang", ["en", "de"])
def test_no_answer_is_chosen_for_the_relative_and_sending_without_one_says_what_to_do(lang: str) -> None:
    at, assessment_id = _relative_page(lang)
    radio = at.radio(key="vigil.relative.response")
    assert radio.value is None  # not "I agree" before the relative has said anything
    at.text_input(key="vigil.relative.name").input("Katrin Weißmüller")
    at.checkbox(key="vigil.relative.declaration").check()
    submit = next(b for b in at.button if b.label == i18n.t(lang, "consent_page.send"))
    submit.click().run()
    assert not at.exception
    errors = [e.value for e in at.error]
    assert i18n.t(lang, "consent_page.need_choice") in errors
    stored = open_store().get(assessment_id)
    assert not [e for e in stored.consent_record.entries if e.answer is not None]  # nothing was recorded


def _in_order(at: AppTest) -> list[str]:
    """The main area's blocks and messages, in page order: "form" for the answer form, else the message text."""
    found: list[str] = []

    def walk(node) -> None:  # type: ignore[no-untyped-def]
        for child in getattr(node, "children", {}).values():
            kind = getattr(child, "type", "")
            if kind == "form":
                found.append("form")
                continue
            if kind in ("success", "error", "warning", "info"):
                found.append(str(child.value))
            walk(child)

    walk(at.main)
    return found


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_thanks_appear_right_under_the_send_button(lang: str) -> None:
    """On a phone the form is long: thanks shown only above it stay out of sight, and the page looks unchanged."""
    at, _ = _relative_page(lang)
    at.radio(key="vigil.relative.response").set_value("needs_time")
    next(b for b in at.button if b.label == i18n.t(lang, "consent_page.send")).click().run()
    assert not at.exception
    order = _in_order(at)
    thanks = [i for i, text in enumerate(order) if text.startswith(i18n.t(lang, "consent_page.sent", date="")[:12])]
    assert thanks, order
    assert thanks[-1] == order.index("form") + 1, order


def test_the_maker_sees_whose_answer_it_is_and_the_name_it_was_signed_with() -> None:
    """A link for "Literary agency Brandt & Co." signed by "Jonas Brandt": the maker's list said only
    "Recorded by Jonas Brandt", a name not in the register, so whose answer it was stayed unclear."""
    from tests.consent.test_actions import answered
    from tests.ui.support import shown_text
    from vigil.models.consent_record import Response

    a, checklist = _scenario()
    store = open_store()
    stored = store.create(a)
    person = stored.answers["people"].people[1]  # type: ignore[index]
    updated, _ = answered(checklist, stored, person.id, Response.objects)
    store.save(updated)
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["a"] = stored.id
    at.run()
    at.button(key=f"vigil.step.{stored.id}.people").click().run()
    assert not at.exception
    shown = shown_text(at, ("markdown",))
    line = next(text for text in shown.split("\n") if "Jürgen Weiß" in text)
    assert str(person.values["name"]) in line, line
