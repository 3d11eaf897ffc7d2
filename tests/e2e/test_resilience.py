"""What a careful user does to an app: reloads, closes, restarts it, opens two tabs, imports a broken file."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import shot
from tests.e2e.driver import Driver
from tests.support.app_server import ARTIFACTS_LOG, AppServer
from vigil.catalog import load_catalog
from vigil.models.assessment import Answer
from vigil.models.checklist import Checklist

CHECKLIST: Checklist = load_catalog().latest()[0]
NAME = "Grete Müller-Weiß"


@pytest.fixture
def own_server(tmp_path: Path) -> Iterator[AppServer]:
    """A server of this test's own, which the test may restart or kill."""
    server = AppServer(tmp_path / "data", log=ARTIFACTS_LOG)
    server.start()
    yield server
    server.stop()


def _begin_and_answer(page: Page, server: AppServer, title: str) -> tuple[Driver, str]:
    """Begin an assessment and answer two questions of the first section and the person's name."""
    page.goto(server.url)
    d = Driver(page, CHECKLIST)
    aid = d.begin(title)
    d.answer(CHECKLIST.question("medium"), Answer(choices=["animated_photo"]))
    d.answer(CHECKLIST.question("realism"), Answer(choice="stylised"))
    _open_person_section(d, aid)
    d.answer(CHECKLIST.question("person_name"), Answer(text=NAME))
    return d, aid


def _open_person_section(d: Driver, aid: str) -> None:
    d.click_keyed(f"vigil.step.{aid}.person")
    expect(d.section_heading("person")).to_be_visible()


def _expect_answers_shown(d: Driver, aid: str) -> None:
    expect(d.section_heading("project")).to_be_visible()
    expect(d.box("medium").get_by_text("Animated photo", exact=False).first).to_be_visible()
    expect(d.box("realism").locator("input[type='radio']:checked")).to_have_count(1)
    _open_person_section(d, aid)
    expect(d.box("person_name").locator("input[type='text']")).to_have_value(NAME)


def test_reload_and_server_restart_resume_from_the_url(page: Page, own_server: AppServer,
                                                       requests_seen: list[str]) -> None:
    d, aid = _begin_and_answer(page, own_server, "Reload test")
    url = page.url
    # the URL carries the assessment's id and nothing else: no names, no answers
    assert parse_qs(urlparse(url).query) == {"a": [aid]}
    assert NAME.split()[0] not in unquote(url)

    page.reload()
    d.idle()
    _expect_answers_shown(d, aid)

    own_server.restart()
    page.goto(url)
    d.idle()
    _expect_answers_shown(d, aid)
    shot(page, "en-10-resumed-after-restart")


def test_killed_right_after_an_answer_keeps_it(page: Page, own_server: AppServer, requests_seen: list[str]) -> None:
    d, aid = _begin_and_answer(page, own_server, "Crash test")
    expect(d.sidebar().get_by_text(d.t("ui.save.ok"))).to_be_visible()
    own_server.kill()
    own_server.start()
    page.goto(f"{own_server.url}/questionnaire?a={aid}")
    d.idle()
    _expect_answers_shown(d, aid)


def test_two_tabs_never_silently_overwrite(browser: Browser, app_server: AppServer) -> None:
    first = browser.new_context().new_page()
    first.goto(app_server.url)
    a = Driver(first, CHECKLIST)
    a.begin("Two tabs")
    second = browser.new_context().new_page()
    second.goto(first.url)
    b = Driver(second, CHECKLIST)
    b.idle()
    expect(b.section_heading("project")).to_be_visible()

    a.answer(CHECKLIST.question("realism"), Answer(choice="realistic"))
    expect(a.sidebar().get_by_text(a.t("ui.save.ok"))).to_be_visible()
    # the second tab still holds the old revision: its change must not silently replace the first tab's
    b.answer(CHECKLIST.question("lifespan"), Answer(choice="one_occasion"))
    expect(second.get_by_text(b.t("ui.save.stale.title")).first).to_be_visible()
    shot(second, "en-11-two-tabs-stale")
    second.get_by_role("button", name=b.t("ui.save.stale.theirs")).click()
    b.idle()
    # the other version is loaded: the first tab's answer is there
    checked = b.box("realism").locator("label").filter(has=second.locator("input:checked"))
    expect(checked).to_contain_text("ealistic")
    first.context.close()
    second.context.close()


def test_broken_import_explains_and_changes_nothing(app: Page, tmp_path: Path) -> None:
    d = Driver(app, CHECKLIST)
    d.begin("Existing work")
    d.go_page("start")
    count = app.locator(".st-key-vigil-queue-count")  # "1–N of N" under the queue's table
    expect(count).to_be_visible()
    rows_before = count.inner_text()
    cases = {
        "broken.json": ("{ this is not json", "not valid JSON"),
        "other.json": (json.dumps({"format": "someone-else", "answers": {}}), "not a Vigil assessment file"),
        "newer.json": (json.dumps({"format": "vigil-assessment", "format_version": 9}), "newer Vigil"),
    }
    for name, (content, message) in cases.items():
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        d.keyed("vigil.start.import").locator("input[type='file']").set_input_files(str(path))
        d.idle()
        expect(app.get_by_text(d.t("ui.start.import.failed")).first).to_be_visible()
        expect(app.get_by_text(message, exact=False).first).to_be_visible()
        expect(count).to_have_text(rows_before)
    shot(app, "en-12-broken-import")
