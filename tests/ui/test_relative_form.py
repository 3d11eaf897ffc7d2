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
