"""A new user's whole journey on the shipped checklist, in English and in German.

The plan follows tests/scenarios/soldier-farewell-mother-objects.json: a family farewell clip of a fallen soldier
whose mother objects. Through the browser the user answers every section (conditional questions appear and
disappear), marks one thing as not known, writes a note, registers three relatives of whom one objects, watches the
live status change, reaches the results and downloads the report, the consent form and the JSON.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from tests.e2e.conftest import SCREENSHOTS, shot
from tests.e2e.driver import Driver
from tests.support.app_server import AppServer
from vigil.assessment_file import read_assessment
from vigil.catalog import load_catalog
from vigil.engine import evaluate
from vigil.models.assessment import Answer, Assessment, ChecklistPin, Person
from vigil.models.checklist import Checklist, Question
from vigil.models.common import pick
from vigil.models.kinds import sample_answer

SCENARIO = Path(__file__).resolve().parents[1] / "scenarios" / "soldier-farewell-mother-objects.json"
NOTE = "Talked with Olga on Sunday; she has the graduation photo in full resolution."
UNKNOWN = "scraped"  # answered "don't know" in the journey, with an open item


def _plan() -> tuple[Checklist, dict[str, Answer]]:
    catalog = load_catalog()
    assessment, checklist = read_assessment(SCENARIO, catalog)
    plan = dict(assessment.answers)
    people = plan["people"].people or []
    # the browser journey fills the fields a user fills first; scope and how it was recorded stay for later
    plan["people"] = Answer(people=[
        Person(values={k: v for k, v in p.values.items() if k in ("name", "relation", "position")})
        for p in people
    ])
    plan[UNKNOWN] = Answer(dont_know=True)
    return checklist, plan


def _fallback(q: Question) -> Answer:
    """An answer for a visible question the scenario does not cover."""
    return sample_answer(q, dt.date(2026, 12, 31), text="To be agreed with the family", date=dt.date(2026, 12, 1))


def _visible(checklist: Checklist, answers: dict[str, Answer]) -> tuple[list[str], dict[str, list[str]]]:
    pin = ChecklistPin(id=checklist.id, version=checklist.version)
    ev = evaluate(checklist, Assessment(checklist=pin, answers=answers), dt.date.today())
    return [s.id for s in ev.sections], {s.id: s.visible_questions for s in ev.sections}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_whole_journey(app: Page, app_server: AppServer, lang: str) -> None:
    checklist, plan = _plan()
    d = Driver(app, checklist)
    if lang != "en":
        d.set_language(lang)
    expect(d.keyed("vigil.start.title").locator("input")).to_be_visible()  # drawn, not a blank page
    d.idle()
    shot(app, f"{lang}-01-start")
    d.begin("Farewell clip for Andrei" if lang == "en" else "Abschiedsclip für Andrei")
    status_before = d.sidebar().inner_text()

    questions = {q.id: q for q in checklist.questions()}
    seen_sections: list[str] = []
    conditional_seen: set[str] = set()
    while True:
        sections, visible = _visible(checklist, d.answered)
        current = next(s for s in sections if any(q not in d.answered for q in visible[s])) \
            if any(q not in d.answered for s in sections for q in visible[s]) else None
        if current is None:
            break
        if current not in seen_sections:
            seen_sections.append(current)
        expect(d.section_heading(current)).to_be_visible()
        while True:
            _, visible = _visible(checklist, d.answered)
            # the page shows exactly the questions the engine says are visible, as answers change
            assert d.wait_shown(visible[current]) == visible[current], current
            todo = [q for q in visible[current] if q not in d.answered]
            if not todo:
                break
            q = questions[todo[0]]
            if q.visible_if is not None:
                conditional_seen.add(q.id)
            d.answer(q, plan.get(q.id) or _fallback(q))
            if q.id == UNKNOWN:
                d.open_item(q, "Whether any clip came from social media", "Olga")
            if q.id == "description":
                d.note(q, NOTE)
        # the picture shows the section from its top, as a person arriving at it sees it
        app.evaluate("() => document.querySelector('[data-testid=\"stMain\"]')?.scrollTo(0, 0)")
        shot(app, f"{lang}-02-section-{len(seen_sections):02d}-{current}")
        if current != sections[-1]:
            d.next()
    assert conditional_seen, "the journey met no conditional question"
    assert len(seen_sections) >= 10

    # the live status moved with the answers: the mother's "no" shows as the verdict
    sidebar = d.sidebar()
    expect(sidebar.get_by_text(d.t("verdict.stop"), exact=True)).to_be_visible()
    assert sidebar.inner_text() != status_before

    d.to_results()
    expect(app.get_by_role("heading", name=d.t("ui.page.results"))).to_be_visible()
    expect(app.get_by_role("heading", name=d.t("verdict.stop"))).to_be_visible()
    shot(app, f"{lang}-03-results")

    # downloads: the JSON, the report and the consent form
    with app.expect_download() as dl:
        d.keyed("vigil.docs.json").locator("button").click()
    saved = json.loads(Path(dl.value.path()).read_text(encoding="utf-8"))
    assert saved["format"] == "vigil-assessment"
    assert saved["answers"]["description"]["note"] == NOTE
    assert saved["answers"][UNKNOWN]["dont_know"] is True
    assert [p["values"]["position"] for p in saved["answers"]["people"]["people"]] == ["agrees", "objects", "agrees"]
    assert "Андрей" not in dl.value.suggested_filename

    texts = {}
    for kind in ("report", "consent"):
        d.click_keyed(f"vigil.docs.make.{kind}")
        with app.expect_download() as dl:
            d.keyed(f"vigil.docs.dl.{kind}").locator("button").click()
        pdf = Path(dl.value.path()).read_bytes()
        assert pdf.startswith(b"%PDF")
        (SCREENSHOTS.parent / f"{lang}-{kind}.pdf").write_bytes(pdf)
        # table cells wrap names over lines: compare with white space folded
        texts[kind] = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    report, consent = texts["report"], texts["consent"]
    person = plan["person_name"].text or ""
    assert person in report and person in consent
    assert "Ирина Волкова" in report and "Ирина Волкова" in consent
    assert d.t("verdict.stop") in report
    assert pick(questions["description"].text, lang).split()[0] in report
    shot(app, f"{lang}-04-documents")

    d.go_page("family")
    expect(app.get_by_role("heading", name=d.t("doc.family.what_title"), exact=True)).to_be_visible()
    expect(app.get_by_text(d.t("verdict.stop"))).to_have_count(0)  # the family is not handed the maker's verdict
    shot(app, f"{lang}-05-family")
    d.click_keyed("vigil.docs.make.family")
    with app.expect_download() as dl:
        d.keyed("vigil.docs.dl.family").locator("button").click()
    assert Path(dl.value.path()).read_bytes().startswith(b"%PDF")
    assert dl.value.suggested_filename.startswith("vigil-family-summary-")
    assert person not in dl.value.suggested_filename
    d.go_page("support")
    shot(app, f"{lang}-06-support")
