"""Saving in the app: answers kept while the store was unavailable are saved in the background once it is back
(issue 11 §7), and the save guard refuses a change that reaches beyond its question (issue 11 §1)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.support.tiny import tiny_checklist
from tests.ui.support import MemoryStore, assert_ok, key, new_assessment, start_app
from tests.ui.test_app_flows import texts
from vigil.i18n import t
from vigil.store.sql import open_store
from vigil.ui import kind_widgets
from vigil.ui.session import Session
from vigil.ui.state import UiState


def test_kept_answers_are_saved_without_another_change_and_the_user_is_told_once(tiny_checklists: Path,
                                                                                 data_dir: Path) -> None:
    at = start_app()
    aid = new_assessment(at)
    at.radio(key=key(at, "q", "medium")).set_value("photo").run()
    moved = data_dir.with_name("moved-away")
    data_dir.rename(moved)
    try:
        at.radio(key=key(at, "q", "medium")).set_value("voice").run()
        assert_ok(at)
        assert at.session_state["vigil"].status == "unavailable"
        at.run()  # the background retry waits a few seconds between attempts: nothing happens at once
        assert at.session_state["vigil"].status == "unavailable"
    finally:
        moved.rename(data_dir)
    at.session_state["vigil"].tried_at = 0.0  # as if the retry's few seconds had passed
    at.run()  # no change by the user: only the background retry can save now
    assert_ok(at)
    assert at.session_state["vigil"].status == "saved"
    assert open_store().get(aid).answers["medium"].choice == "voice"
    shown = texts(at)
    assert t("en", "ui.save.saved_later") in shown
    assert t("en", "ui.save.unavailable.title") not in shown
    at.run()
    assert t("en", "ui.save.saved_later") not in texts(at)  # said once


def test_retry_only_while_unavailable_and_not_too_often() -> None:
    store = MemoryStore()
    session = Session(UiState(), store)
    session.create(tiny_checklist(), "", "en")
    assert session.retry_pending() is False
    store.down = True
    session.save()
    assert session.retry_pending() is False  # still down
    store.down = False
    assert session.retry_pending(min_wait_s=3600) is False  # tried a moment ago: wait
    assert session.retry_pending() is True
    assert session.state.saved_later


def test_the_app_refuses_a_change_that_reaches_beyond_its_question(tiny_checklists: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The guard in the app's own save path: a widget whose change would also rewrite another answer (as the
    language switch once did) saves nothing, the page shows the stored answers again and says so once."""
    at = start_app()
    aid = new_assessment(at)
    at.radio(key=key(at, "q", "medium")).set_value("voice").run()  # shows the question about the voice's words
    before = open_store().get(aid)
    real = kind_widgets.set_value

    def sweeping(assessment: Any, question: Any, value: object) -> None:
        real(assessment, question, value)
        assessment.answers.pop("medium", None)  # a side effect on another question

    monkeypatch.setattr(kind_widgets, "set_value", sweeping)
    at.text_area(key=key(at, "q", "voice_lines")).input("Hallo").run()
    assert_ok(at)
    after = open_store().get(aid)
    assert after.answers == before.answers and after.revision == before.revision
    assert at.session_state["vigil"].draft.answers == before.answers
    assert at.text_area(key=key(at, "q", "voice_lines")).value == ""  # the widget shows what is stored
    assert t("en", "ui.save.refused") in [x.value for x in at.toast]
    at.run()
    assert t("en", "ui.save.refused") not in [x.value for x in at.toast]
