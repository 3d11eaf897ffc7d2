"""Each page on its own: ``render(ctx)`` in an AppTest script of its own, with no app.py, no navigation and no
global context. The context comes from ``shell.prepare()`` over the test's data folder and session state."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.ui.support import assert_ok, catalog
from tests.ui.test_app_flows import texts
from vigil.models.assessment import Answer, Assessment, ChecklistPin, Meta
from vigil.store.sql import open_store
from vigil.ui.state import KEY, UiState

pytestmark = pytest.mark.usefixtures("tiny_checklists")


def _page(page: str) -> None:
    import importlib

    from vigil.ui import shell

    module = importlib.import_module(f"vigil.ui.pages.{page}")
    module.render(shell.prepare())


def _alone(page: str, state: UiState | None = None) -> AppTest:
    at = AppTest.from_function(_page, args=(page,), default_timeout=60)
    if state is not None:
        at.session_state[KEY] = state
    return at.run()


def _opened(**answers: Answer) -> UiState:
    checklist = catalog().latest()[0]
    fresh = Assessment(checklist=ChecklistPin(id=checklist.id, version=checklist.version),
                       meta=Meta(title="Alone", language="en"), answers=answers)
    stored = open_store().create(fresh)
    return UiState(lang="en", draft=stored, url_synced=stored.id)


def test_start_alone_lists_and_creates(data_dir: Path) -> None:
    at = _alone("start")
    assert_ok(at)
    assert at.button(key="vigil.start.create")
    at.text_input(key="vigil.start.title").input("Made alone").run()
    at.button(key="vigil.start.create").click().run()
    assert_ok(at)
    rows = open_store().list()
    assert [r.title for r in rows] == ["Made alone"]
    assert at.session_state[KEY].draft.id == rows[0].id


def test_questionnaire_alone_shows_the_first_section_and_moves_on() -> None:
    state = _opened()
    at = _alone("questionnaire", state)
    assert_ok(at)
    first = catalog().latest()[0].sections[0]
    assert first.title["en"] in texts(at)
    at.button(key="vigil.q.next").click().run()
    assert_ok(at)
    assert at.session_state[KEY].sections[state.draft.id] != first.id  # type: ignore[union-attr]


def test_questionnaire_alone_with_nothing_open_says_so() -> None:
    at = _alone("questionnaire")
    assert_ok(at)
    assert "No assessment is open" in texts(at)


def test_results_alone_shows_the_verdict() -> None:
    at = _alone("results", _opened())
    assert_ok(at)
    assert "Resolve first" in texts(at)
    assert at.button(key="vigil.docs.make.report")


def test_results_alone_in_german_gives_the_law_date_as_germans_write_it() -> None:
    from vigil.models.assessment import Person

    state = _opened(relatives=Answer(people=[Person(values={"name": "Renate", "position": "agrees"})]))
    state.lang = "de"
    at = _alone("results", state)
    assert_ok(at)
    shown = texts(at)
    assert "Rechtsstand 1. November 2026" in shown
    assert "2026-11-01" not in shown


def test_family_alone_speaks_plainly() -> None:
    at = _alone("family", _opened())
    assert_ok(at)
    shown = texts(at)
    assert "What is planned" in shown and "If you change your mind" in shown
    assert "Resolve first" not in shown  # the family is written to, not handed the maker's verdict
    assert not at.get("progress")


def test_support_alone_lists_help_in_the_language() -> None:
    at = _alone("support", UiState(lang="de"))
    assert_ok(at)
    shown = texts(at)
    assert "Telefonseelsorge" in shown
    assert "Helpline EN" not in shown


def test_credentials_alone_checks_a_file_with_nothing_open() -> None:
    at = _alone("credentials")
    assert_ok(at)
    assert at.file_uploader(key="vigil.cred.verify")
    assert "No assessment is open" in texts(at)
