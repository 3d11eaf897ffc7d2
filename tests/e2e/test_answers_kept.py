"""Answers stay as given, whatever the user does around them (issue 11 §1).

For each kind of question (single choice, multiple choice, yes/no, short text, long text, date, number, the people
register), started in German: answer, then reload, switch the language to English and back, go to another section
and back, leave for the Start page and reopen it there. After every step the stored answers (read from the store,
not from the screen) and the stored revision are what they were: nothing erased, nothing saved behind the user's
back. On the code before the fix a language switch after a reload emptied every choice of the section and saved it.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import shot
from tests.e2e.driver import Driver
from tests.support.app_server import AppServer
from vigil.catalog import load_catalog
from vigil.models.assessment import Answer, Person
from vigil.store.sql import open_store

CHECKLIST = load_catalog().latest()[0]
PERSON = Person(values={"name": "Grete Müller-Weiß", "relation": "parent", "standing": "consent_required",
                        "position": "agrees", "scope": "Nur die Familie", "recorded": "written",
                        "date": "2026-10-31"})

# one section per case; together they hold every question kind
PLANS: dict[str, dict[str, Answer]] = {
    "multi_choice+long_text+single_choice": {
        "medium": Answer(choices=["animated_photo", "voice"]),
        "description": Answer(text="Ein kurzer Gruß zum Geburtstag.\nZweite Zeile."),
        "realism": Answer(choice="stylised"),
        "new_words": Answer(choice=CHECKLIST.question("new_words").option_ids()[0]),
    },
    "short_text+date+number+single_choice": {
        "person_name": Answer(text="Grete Müller-Weiß"),
        "born": Answer(date=dt.date(1931, 4, 2)),
        "age_at_death": Answer(number=93),
        "public_figure": Answer(choice="private"),
    },
    "yes_no+single_choice": {
        "consent_in_life": Answer(choice="never_discussed"),
        "prohibition": Answer(choice="no"),
    },
    "people+yes_no": {
        "people": Answer(people=[PERSON]),
        "all_listed": Answer(choice="yes"),
    },
}


def _section_of(qid: str) -> str:
    return next(s.id for s in CHECKLIST.sections if any(q.id == qid for q in s.questions))


class Watch:
    """The stored assessment, read from the store the app writes to."""

    def __init__(self, server: AppServer, aid: str, given: Iterable[str] = ()) -> None:
        """Start watching once every answer in ``given`` has reached the store (a save ends after the page has
        gone idle; on a busy machine it can take a moment longer)."""
        self.store = open_store(f"sqlite:///{server.data_dir / 'vigil.sqlite3'}")
        self.aid = aid
        wanted = set(given)
        deadline = time.monotonic() + 15
        first = self.store.get(aid)
        while not wanted <= first.answers.keys() and time.monotonic() < deadline:
            time.sleep(0.1)
            first = self.store.get(aid)
        self.answers, self.revision = first.answers, first.revision

    def unchanged(self, step: str) -> None:
        now = self.store.get(self.aid)
        assert now.answers == self.answers, f"after '{step}' the stored answers changed: " \
            f"{sorted(self.answers)} -> {sorted(now.answers)}"
        assert now.revision == self.revision, f"after '{step}' the assessment was saved again"


@pytest.mark.parametrize("kinds", list(PLANS))
def test_answers_survive_reload_language_sections_and_reopening(page: Page, app_server: AppServer, kinds: str,
                                                                requests_seen: list[str]) -> None:
    plan = PLANS[kinds]
    section = _section_of(next(iter(plan)))
    other = next(s.id for s in CHECKLIST.sections if s.id != section)
    page.goto(app_server.url)
    d = Driver(page, CHECKLIST)
    d.set_language("de")
    aid = d.begin(f"Bleibt: {kinds}")

    def show_section() -> None:
        d.open_section(aid, section)
        d.idle(400)

    show_section()
    for qid, answer in plan.items():
        d.answer(CHECKLIST.question(qid), answer)
    d.idle(400)
    watch = Watch(app_server, aid, plan)
    for qid, answer in plan.items():
        kept = watch.answers[qid]
        if answer.people:
            assert [p.values.get("name") for p in kept.people or []] == [PERSON.values["name"]]
        else:
            assert kept.model_dump(exclude={"people"}) == answer.model_dump(exclude={"people"}), qid

    d.next()
    watch.unchanged("Weiter")
    page.reload()
    d.idle(600)
    watch.unchanged("reload")
    show_section()
    watch.unchanged("reload, back to the section")
    d.set_language("en")
    d.idle(600)
    watch.unchanged("switch to English")
    d.set_language("de")
    d.idle(600)
    watch.unchanged("switch back to German")
    shot(page, f"de-answers-kept-{section}")
    d.click_keyed(f"vigil.step.{aid}.{other}")
    d.idle(400)
    show_section()
    watch.unchanged("another section and back")
    d.go_page("start")
    d.open_from_start(aid)  # the assessment just changed is the queue's first row
    d.idle(600)
    show_section()
    watch.unchanged("reopened from the Start page")
    d.set_language("en")
    d.idle(600)
    d.set_language("de")
    d.idle(600)
    watch.unchanged("reopened, language switched twice")


def test_the_page_still_shows_the_answers_after_a_language_switch(page: Page, app_server: AppServer,
                                                                  requests_seen: list[str]) -> None:
    """Not only the store: the widgets show the answers in the new language."""
    page.goto(app_server.url)
    d = Driver(page, CHECKLIST)
    d.set_language("de")
    d.begin("Sichtbar")
    d.answer(CHECKLIST.question("medium"), Answer(choices=["animated_photo"]))
    d.answer(CHECKLIST.question("realism"), Answer(choice="stylised"))
    page.reload()
    d.idle(600)
    d.set_language("en")
    d.idle(600)
    medium = CHECKLIST.question("medium")
    expect(d.box("medium").get_by_text(d.option_label(medium, "animated_photo"), exact=False).first).to_be_visible()
    expect(d.box("realism").locator("input[type='radio']:checked")).to_have_count(1)
    d.set_language("de")
    d.idle(600)
    expect(d.box("medium").get_by_text(d.option_label(medium, "animated_photo"), exact=False).first).to_be_visible()
    expect(d.box("realism").locator("input[type='radio']:checked")).to_have_count(1)
