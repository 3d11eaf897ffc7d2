"""A real lock on the SQLite file while the user answers: the answer stays in the window, the banner says so calmly,
and once the lock is gone the answer is saved in the background, without another click (issue 11 §7)."""

from __future__ import annotations

import sqlite3

from playwright.sync_api import Page, expect

from tests.e2e.conftest import shot
from tests.e2e.driver import Driver
from tests.support.app_server import AppServer
from vigil.catalog import load_catalog
from vigil.models.assessment import Answer
from vigil.store.sql import open_store

CHECKLIST = load_catalog().latest()[0]


def _to_top(page: Page) -> None:
    page.locator('[data-testid="stMain"]').evaluate("e => e.scrollTo(0, 0)")
    page.wait_for_timeout(200)


def test_an_answer_given_during_a_lock_is_saved_when_the_lock_goes(page: Page, app_server: AppServer,
                                                                   requests_seen: list[str]) -> None:
    path = app_server.data_dir / "vigil.sqlite3"
    page.goto(app_server.url)
    d = Driver(page, CHECKLIST)
    aid = d.begin("Locked for a moment")
    other = sqlite3.connect(path, timeout=0)  # another program holds the write lock
    other.execute("BEGIN EXCLUSIVE")
    try:
        d.answer(CHECKLIST.question("realism"), Answer(choice="stylised"))
        expect(page.get_by_text(d.t("ui.save.unavailable.title"))).to_be_visible()
        _to_top(page)
        shot(page, "en-12-store-locked")
    finally:
        other.execute("ROLLBACK")
        other.close()
    # no click, no change: the background retry saves it and says so
    expect(page.get_by_text(d.t("ui.save.saved_later"))).to_be_visible(timeout=30_000)
    expect(page.get_by_text(d.t("ui.save.unavailable.title"))).to_have_count(0)
    _to_top(page)
    shot(page, "en-13-saved-later")
    stored = open_store(f"sqlite:///{path}").get(aid)
    assert stored.answers["realism"].choice == "stylised"
