"""The relatives step and the results page show, per person, whose consent the law requires (worked out, not
asked), and the results name the verdict's cause and the next points."""

from __future__ import annotations

from tests.ui.support import (
    add_person,
    assert_ok,
    checklist_for,
    key,
    new_assessment,
    shown_text,
    start_app,
    switch_page,
)


def _texts(at) -> str:  # type: ignore[no-untyped-def]
    return shown_text(at, ("markdown", "caption", "text", "subheader"))


def _step(at, section: str) -> None:  # type: ignore[no-untyped-def]
    aid = str(at.query_params["a"])
    at.button(key=f"vigil.step.{aid}.{section}").click().run()
    assert_ok(at)


def test_the_relatives_step_says_per_person_who_must_agree() -> None:
    at = start_app()
    new_assessment(at)
    checklist = checklist_for(at)
    at.multiselect(key=key(at, "q", "medium")).set_value(["animated_photo"]).run()
    _step(at, "places")
    at.multiselect(key=key(at, "q", "person_lived")).set_value(["de"]).run()
    at.multiselect(key=key(at, "q", "shown_in")).set_value(["de"]).run()
    _step(at, "people")
    register = checklist.question("people")
    add_person(at, register, {"name": "Renate Berger", "relation": "spouse", "position": "agrees"})
    add_person(at, register, {"name": "Julia Berger", "relation": "child", "position": "not_asked"})
    shown = _texts(at)
    assert "Who must agree, worked out from the law" in shown
    assert "Julia Berger (child)** · Consent required by law: KUG § 22 · Not asked yet" in shown
    assert "Renate Berger (spouse)** · Consent required by law: KUG § 22 · Agrees" in shown
    assert "Legal standing" not in shown
    # the relatives step asks for no legal conclusion: roles are facts, chosen or not
    assert not any(w.key and w.key.endswith(".standing") for w in at.selectbox)
    switch_page(at, "results").run()
    assert_ok(at)
    shown = _texts(at)
    assert "The main reason" in shown and "Next most important" in shown
    assert "Julia Berger (child) has not been asked yet" in shown


def test_a_relatives_link_opens_their_page_alone_and_nothing_else_from_the_url() -> None:
    import datetime as dt

    from streamlit.testing.v1 import AppTest

    from tests.consent.test_actions import _scenario
    from tests.ui.support import APP
    from vigil.consent_service import issue_link
    from vigil.store.links import LinkIndex
    from vigil.store.sql import open_store
    from vigil.ui.state import KEY

    a, checklist = _scenario()
    store = open_store()
    stored = store.create(a)
    person = (stored.answers["people"].people or [])[0].id
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    _, token = issue_link(store, LinkIndex(store.engine), checklist, stored, person, "en",
                          now + dt.timedelta(days=7), now)
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["k"] = token
    at.query_params["a"] = stored.id  # a maker's parameter added to the link opens nothing
    at.run()
    assert not at.exception
    assert "What is planned" in _texts(at)
    assert at.session_state[KEY].draft is None
    assert "a" not in at.query_params
