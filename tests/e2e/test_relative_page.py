"""The relative's page in Chromium: two links, one agrees to parts, one objects; revoked and expired links;
a link reaches nothing else; a plan changed afterwards; tampering detected; hostile text literal; en and de."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.e2e.conftest import ARTIFACTS, SCREENSHOTS, shot
from tests.e2e.driver import Driver
from tests.support.app_server import ROOT, AppServer
from vigil.assessment_file import parse_assessment
from vigil.catalog import load_catalog
from vigil.consent_actions import revoke_link
from vigil.consent_service import issue_link, remember
from vigil.consent_state import own_answers, plan_snapshot, read_with_own_answers
from vigil.engine import evaluate
from vigil.models.assessment import Answer, Assessment
from vigil.models.checklist import Checklist
from vigil.models.common import VerdictId
from vigil.models.consent_record import Response, verify
from vigil.store.links import LinkIndex
from vigil.store.sql import open_store

SCENARIO = ROOT / "tests" / "scenarios" / "documentary-voice-widow-not-asked.json"
HOSTILE = "<b>bold</b> *x* [link](http://example.org) `code` \u202eevil"


class World:
    def __init__(self, data: Path) -> None:
        self.db = data / "vigil.sqlite3"
        self.store = open_store(f"sqlite:///{self.db}")
        self.index = LinkIndex(self.store.engine)
        self.catalog = load_catalog()

    def new(self, hostile: bool = False) -> tuple[Assessment, Checklist]:
        a, checklist = parse_assessment(SCENARIO.read_bytes(), self.catalog)
        a = a.model_copy(update={"id": Assessment.model_fields["id"].default_factory(), "revision": 0})  # type: ignore[misc]
        if hostile:
            answers = dict(a.answers)
            answers["description"] = Answer(text=HOSTILE)
            answers["person_name"] = Answer(text=HOSTILE)
            a = a.model_copy(update={"answers": answers})
        return self.store.create(a), checklist

    def people(self, a: Assessment) -> list[str]:
        return [p.id for p in a.answers["people"].people or []]

    def link(self, a: Assessment, checklist: Checklist, person: str, lang: str,
             days: float = 7) -> tuple[Assessment, str]:
        now = dt.datetime.now(dt.UTC).replace(microsecond=0)
        return issue_link(self.store, self.index, checklist, self.store.get(a.id), person, lang,
                          now + dt.timedelta(days=days), now)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[World, AppServer]]:
    data = tmp_path_factory.mktemp("vigil-relative")
    w = World(data)
    server = AppServer(data, log=ARTIFACTS / "app-server-relative.log")
    server.start()
    yield w, server
    server.stop()


def answer(page: Page, choice: str, items: list[str], name: str, question: str = "") -> None:
    page.get_by_text(choice, exact=True).click()
    for item in items:
        page.get_by_text(item, exact=True).click()
    if question:
        page.get_by_label("Your question (a few lines)").fill(question)
    page.get_by_label("Your full name, as your signature").fill(name)
    page.get_by_text("I have read what is planned, and the answer above is my own.").last.click()
    page.get_by_role("button", name="Send my answer").click()


def test_two_relatives_answer_and_the_verdict_and_register_change(world: tuple[World, AppServer], page: Page
                                                                  ) -> None:
    w, server = world
    a, checklist = w.new()
    first, second = w.people(a)
    _, token_a = w.link(a, checklist, first, "en")
    _, token_b = w.link(a, checklist, second, "en")
    before = {f.id for f in evaluate(checklist, w.store.get(a.id), dt.date.today()).findings}

    page.goto(f"{server.url}/?k={token_a}")
    expect(page.get_by_text("What is planned", exact=True)).to_be_visible()
    expect(page.get_by_text("You may say no, agree to some points only")).to_be_visible()
    # nothing else of the app: no navigation, no verdict, no other relative, no maker notes
    assert page.locator('[data-testid="stSidebarNav"]').count() == 0
    body = page.locator("body").inner_text()
    for absent in ("Literary agency", "Resolve first", "Do not go ahead", "Start", "Results"):
        assert absent not in body
    shot(page, "en-20-relative-page")
    answer(page, "I agree to the points I have ticked", ["Using the face and likeness of Jürgen Weißmüller",
                                                         "Using or re-creating the voice of Jürgen Weißmüller"],
           "Katrin Weißmüller")
    expect(page.get_by_text("Your answer has been kept")).to_be_visible()
    shot(page, "en-21-relative-answered")

    page.goto(f"{server.url}/?k={token_b}")
    expect(page.get_by_text("What is planned", exact=True)).to_be_visible()
    answer(page, "I do not agree", [], "Brandt & Co.")
    expect(page.get_by_text("Your answer has been kept")).to_be_visible()

    stored = w.store.get(a.id)
    assert verify(stored.consent_record, w.index.anchor(a.id)) is None
    own = own_answers(stored.consent_record, plan_snapshot(checklist, stored, dt.date.today()))
    assert own[second].answer is not None and own[second].answer.response == Response.objects
    assert own[first].answer is not None and own[first].answer.signature is not None
    assert own[first].answer.response == Response.agrees_in_part
    assert own[first].answer.agreed == ["likeness", "voice"]
    evaluation = evaluate(checklist, stored, dt.date.today())
    assert evaluation.verdict.id == VerdictId.stop
    assert {f.id for f in evaluation.findings} != before
    seen = read_with_own_answers(checklist, stored, dt.date.today()).answers["people"].people or []
    # the plan (vigil.render.plan) also asks about showing it publicly, earning from it and keeping it: two of five
    assert own[first].answer.asked == ["likeness", "voice", "public", "commercial", "retention"]
    assert [p.values["position"] for p in seen] == ["agrees_in_part", "objects"]
    assert seen[0].values["scope"] == "likeness, voice" and seen[0].values["recorded"] == "written"

    # the plan changes afterwards: the first agreement is marked as given for an earlier plan
    answers = dict(stored.answers)
    answers["commercial"] = Answer(choice="no")
    w.store.save(stored.model_copy(update={"answers": answers}))
    page.goto(f"{server.url}/?k={token_a}")
    expect(page.get_by_text("The plan has changed since you answered")).to_be_visible()
    shot(page, "en-24-relative-earlier-plan")
    own = own_answers(w.store.get(a.id).consent_record, plan_snapshot(checklist, w.store.get(a.id),
                                                                       dt.date.today()))
    assert own[first].changed == ["commercial"]


def test_a_link_reaches_no_other_page_or_assessment(world: tuple[World, AppServer], page: Page) -> None:
    w, server = world
    a, checklist = w.new()
    other, _ = w.new()
    _, token = w.link(a, checklist, w.people(a)[0], "en")
    for path in ("", "results", "start", "family", "questionnaire"):
        page.goto(f"{server.url}/{path}?k={token}&a={other.id}")
        expect(page.get_by_text("What is planned", exact=True)).to_be_visible()
        assert page.locator('[data-testid="stSidebarNav"]').count() == 0
        assert other.id not in page.url
        body = page.locator("body").inner_text()
        assert "Resolve first" not in body and "Do not go ahead" not in body
    page.goto(f"{server.url}/?k=not-a-real-token")
    expect(page.get_by_text("This link does not work.")).to_be_visible()


def test_revoked_and_expired_links_say_so_calmly_in_german(world: tuple[World, AppServer], page: Page) -> None:
    w, server = world
    a, checklist = w.new()
    first, second = w.people(a)
    stored, token = w.link(a, checklist, first, "de")
    link = stored.consent_record.entries[-1].link
    assert link is not None
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    remember(w.index, w.store.save(revoke_link(stored, link, now)))
    page.goto(f"{server.url}/?k={token}")
    expect(page.get_by_text("Dieser Link wurde von der Person, die ihn geschickt hat, zurückgezogen.")).to_be_visible()
    assert "This link has been withdrawn" not in page.locator("body").inner_text()  # said in their language
    shot(page, "de-22-relative-link-revoked")
    _, short = w.link(a, checklist, second, "de", days=1 / 86400 * 2)
    import time

    time.sleep(2.5)
    page.goto(f"{server.url}/?k={short}")
    expect(page.get_by_text("Dieser Link ist abgelaufen.")).to_be_visible()


def test_the_german_page_and_hostile_text_stay_literal(world: tuple[World, AppServer], page: Page) -> None:
    w, server = world
    a, checklist = w.new(hostile=True)
    _, token = w.link(a, checklist, w.people(a)[0], "de")
    page.goto(f"{server.url}/?k={token}")
    expect(page.get_by_text("Was geplant ist", exact=True)).to_be_visible()
    assert page.locator("body b").count() == 0 and page.locator("a[href*='example.org']").count() == 0
    body = page.locator("body").inner_text()
    assert "<b>bold</b> *x* [link](http://example.org) `code`" in body.replace("\u2060", "")
    page.get_by_text("Ich habe zuerst eine Frage", exact=True).click()
    page.get_by_label("Ihre Frage (ein paar Zeilen)").fill(HOSTILE)
    page.get_by_role("button", name="Antwort senden").click()
    expect(page.get_by_text("Ihre Antwort ist so aufbewahrt")).to_be_visible()
    shot(page, "de-23-relative-page-hostile")
    stored = w.store.get(a.id)
    last = stored.consent_record.entries[-1]
    assert last.answer is not None and last.answer.question == HOSTILE


def test_tampering_in_the_database_is_detected(world: tuple[World, AppServer], page: Page) -> None:
    w, server = world
    a, checklist = w.new()
    _, token = w.link(a, checklist, w.people(a)[0], "en")
    with sqlite3.connect(w.db) as conn:
        doc = json.loads(conn.execute("SELECT document FROM assessments WHERE id = ?", (a.id,)).fetchone()[0])
        doc["consent_record"]["entries"][0]["expires"] = "2099-01-01T00:00:00Z"
        conn.execute("UPDATE assessments SET document = ? WHERE id = ?", (json.dumps(doc), a.id))
    stored = w.store.get(a.id)
    problem = verify(stored.consent_record, w.index.anchor(a.id))
    assert problem is not None and problem.seq == 1
    page.goto(f"{server.url}/?k={token}")
    expect(page.get_by_text("This page cannot be shown just now.")).to_be_visible()


def _maker_people_step(page: Page, server: AppServer, aid: str) -> Driver:
    d = Driver(page, parse_assessment(SCENARIO.read_bytes(), load_catalog())[1])
    page.goto(f"{server.url}/questionnaire?a={aid}")
    d.idle()
    d.click_keyed(f"vigil.step.{aid}.people")
    expect(page.get_by_text("Their own word", exact=True)).to_be_visible()
    return d


def _make_link(page: Page, d: Driver, person: str) -> str:
    box = page.locator('[class*="consent_person"]').get_by_role("combobox")
    box.click()
    page.keyboard.type(person[:10])
    page.keyboard.press("Enter")
    d.idle()
    page.get_by_role("button", name="Create a private link").click()
    d.idle()
    expect(page.get_by_text(f"The private link for {person}", exact=False)).to_be_visible()
    code = page.locator('[data-testid="stCode"]').last
    expect(code).to_contain_text("?k=")
    url = code.inner_text().strip()
    assert len(url.split("?k=")[1]) >= 43
    return url


def test_the_maker_creates_two_links_and_sees_each_own_answer(world: tuple[World, AppServer], page: Page,
                                                            context: BrowserContext) -> None:
    w, server = world
    a, _ = w.new()
    d = _maker_people_step(page, server, a.id)
    first = _make_link(page, d, "Katrin Weißmüller")
    second = _make_link(page, d, "Literary agency Brandt & Co.")
    page.locator('[data-testid="stCode"]').last.scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / "en-25-maker-links.png"))
    relative = context.new_page()
    relative.goto(first)
    answer(relative, "I agree to the points I have ticked", ["Using the face and likeness of Jürgen Weißmüller"],
           "Katrin Weißmüller")
    expect(relative.get_by_text("Your answer has been kept")).to_be_visible()
    relative.goto(second)
    answer(relative, "I do not agree", [], "Jonas Brandt")
    expect(relative.get_by_text("Your answer has been kept")).to_be_visible()
    relative.close()
    d = _maker_people_step(page, server, a.id)
    expect(page.get_by_text("Katrin Weißmüller: their own answer of", exact=False)).to_be_visible()
    expect(page.get_by_text("Literary agency Brandt & Co.: their own answer of", exact=False)).to_be_visible()
    expect(page.get_by_text("(signed “Jonas Brandt”)", exact=False)).to_be_visible()
    expect(page.get_by_text("does not agree", exact=False).first).to_be_visible()
    page.get_by_text("Their own word", exact=True).scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / "en-26-maker-recorded.png"))
    # revoking the first link: its page says so calmly
    page.get_by_role("button", name="Withdraw this link").first.click()
    d.idle()
    other = context.new_page()
    other.goto(first)
    expect(other.get_by_text("This link has been withdrawn by the person who sent it.")).to_be_visible()
    stored = w.store.get(a.id)
    assert verify(stored.consent_record, w.index.anchor(a.id)) is None


def test_the_device_handed_over_opens_the_same_page_and_marks_the_answer_in_person(
        world: tuple[World, AppServer], page: Page, context: BrowserContext) -> None:
    w, server = world
    a, _ = w.new()
    d = _maker_people_step(page, server, a.id)
    page.get_by_role("button", name="Hand over this device").click()
    d.idle()
    expect(page.get_by_text("page, to open on this device and hand over", exact=False)).to_be_visible()
    url = page.locator('[data-testid="stCode"]').last.inner_text().strip()
    handed = context.new_page()
    handed.goto(url)
    answer(handed, "I do not agree", [], "Katrin Weißmüller")
    expect(handed.get_by_text("Your answer has been kept")).to_be_visible()
    last = w.store.get(a.id).consent_record.entries[-1]
    assert last.answer is not None and last.answer.channel == "in_person"
