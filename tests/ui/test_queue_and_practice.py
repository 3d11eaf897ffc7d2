"""The Start page's work queue and the practice page, in AppTest over a real store in the test's data folder."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import create_engine
from streamlit.testing.v1 import AppTest

from tests.ui.support import (
    APP,
    assert_ok,
    assessment_id,
    catalog,
    choose_row,
    key,
    queue_table,
    start_app,
    stored,
    switch_page,
)
from tests.ui.test_app_flows import texts
from vigil.models.assessment import Answer, Assessment, ChecklistPin, Meta
from vigil.store.schema import assessments
from vigil.store.sql import open_store

HOSTILE = "**Oma** :material/warning: www.example.com a@b.de https://x.test <b>x</b> [l](https://e.test) $x$"


def _fill(n: int, **answers: Answer) -> list[Assessment]:
    checklist = catalog().latest()[0]
    store = open_store()
    out = []
    for i in range(n):
        a = Assessment(checklist=ChecklistPin(id=checklist.id, version=checklist.version),
                       meta=Meta(title=f"Row {i:02d}", reference=f"R-{i:02d}"), answers=dict(answers))
        out.append(store.create(a))
    store.close()
    return out


def _table(at):  # type: ignore[no-untyped-def]
    return queue_table(at)


def _rows(at) -> list[str]:  # type: ignore[no-untyped-def]
    """The references in the queue's table, in order."""
    table = queue_table(at)
    return [] if table is None else list(table["Reference"])


def select(at, index: int):  # type: ignore[no-untyped-def]
    return choose_row(at, list(queue_table(at)["Title"])[index])


def test_begin_is_at_the_top_and_the_queue_comes_in_pages() -> None:
    made = _fill(30)
    at = start_app()
    assert_ok(at)
    assert at.button(key="vigil.start.create")
    first = _rows(at)
    assert len(first) == 25
    assert "1–25 of 30" in texts(at)
    at.button(key="vigil.queue.next").click().run()
    second = _rows(at)
    assert len(second) == 5
    assert not set(first) & set(second)
    assert set(first) | set(second) == {a.meta.reference for a in made}
    at.selectbox(key="vigil.queue.size").set_value(50).run()
    assert len(_rows(at)) == 30


def test_search_by_reference_and_filter_by_what_it_waits_for() -> None:
    made = _fill(6)
    at = start_app()
    at.text_input(key="vigil.queue.search").input("r-03").run()
    assert _rows(at) == [made[3].meta.reference]
    at.text_input(key="vigil.queue.search").input("").run()
    at.multiselect(key="vigil.queue.verdicts.en").set_value(["ready"]).run()
    assert _rows(at) == []
    assert "No assessment matches" in texts(at)
    at.multiselect(key="vigil.queue.verdicts.en").set_value(["resolve_first"]).run()
    at.multiselect(key="vigil.queue.waiting.en").set_value(["unanswered"]).run()
    assert len(_rows(at)) == 6  # all empty: every one waits for answers
    at.multiselect(key="vigil.queue.waiting.en").set_value(["due"]).run()
    assert _rows(at) == []


def test_user_text_is_literal_on_the_start_page() -> None:
    checklist = catalog().latest()[0]
    store = open_store()
    store.create(Assessment(checklist=ChecklistPin(id=checklist.id, version=checklist.version),
                            meta=Meta(title=HOSTILE, reference=HOSTILE)))
    at = start_app()
    assert_ok(at)
    table = _table(at)
    assert list(table["Title"]) == [HOSTILE] and list(table["Reference"]) == [HOSTILE]  # table cells: plain text
    select(at, 0)
    assert_ok(at)
    assert [t.value for t in at.text].count(HOSTILE) == 2  # title and reference, as plain text
    for element in (*at.markdown, *at.caption):
        assert "example.com" not in str(element.value)
        assert "material/warning" not in str(element.value)


def test_a_row_this_version_cannot_read_is_listed_and_everything_else_works() -> None:
    ok = _fill(1)[0]
    doc = json.loads(ok.model_dump_json())
    doc.update(id="newer-row-from-elsewhere", format_version=9)
    store = open_store()
    engine = create_engine(f"sqlite:///{store.target.path}")  # type: ignore[union-attr]
    with engine.begin() as conn:
        now = dt.datetime.now(dt.UTC)
        conn.execute(assessments.insert().values(
            id=doc["id"], checklist_id="memorial_media", checklist_version="x", title="From a newer server",
            revision=1, created=now, updated=now, document=doc, format_version=9, summary_state="ok"))
    engine.dispose()
    at = start_app()
    assert_ok(at)
    table = _table(at)
    states = dict(zip(table["Title"], table["Verdict"], strict=True))
    assert states["From a newer server"] == "Cannot be opened here"
    assert states["Row 00"] == "Resolve first"
    select(at, list(table["Title"]).index("From a newer server"))
    assert "Cannot be opened here: a newer version of Vigil saved it" in texts(at)
    assert at.get("download_button")
    select(at, list(table["Title"]).index("Row 00"))
    at.button(key=f"vigil.start.open.{ok.id}").click().run()
    assert_ok(at)
    assert assessment_id(at) == ok.id
    # a link to the unreadable row gives a calm message on Start, not an error box
    linked = AppTest.from_file(APP, default_timeout=60)
    linked.query_params["a"] = "newer-row-from-elsewhere"
    linked.run()
    assert_ok(linked)
    assert "written by a newer version of Vigil and cannot be opened here" in texts(linked)


def test_practice_defaults_once_then_every_new_assessment_starts_from_them() -> None:
    at = start_app()
    switch_page(at, "practice").run()
    assert_ok(at)
    assert "How you work" in texts(at)
    at.text_input(key="vigil.practice.organisation").input("Studio Ruhe").run()
    at.radio(key="w.practice-defaults.0.en.q.machine_mark").set_value("yes").run()
    at.multiselect(key="w.practice-defaults.0.en.q.made_in").set_value(["de"]).run()
    assert_ok(at)
    store = open_store()
    defaults = store.practice_defaults(catalog().latest()[0].id)
    assert defaults is not None
    assert defaults.answers["machine_mark"].choice == "yes"
    assert store.profile().maker.organisation == "Studio Ruhe"
    switch_page(at, "start").run()
    assert "Starts with your practice defaults (2 answers" in texts(at)
    at.text_input(key="vigil.start.reference").input("K-2026-118").run()
    at.button(key="vigil.start.create").click().run()
    assert_ok(at)
    a = stored(at)
    assert a.meta.reference == "K-2026-118"
    assert a.maker.organisation == "Studio Ruhe"
    assert a.answers["machine_mark"].choice == "yes"
    assert set(a.prefilled) == {"machine_mark", "made_in"}
    # the questionnaire marks it; changing it drops the mark
    switch_page(at, "questionnaire").run()
    at.button(key=f"vigil.step.{a.id}.disclosure_step").click().run()
    assert "From your practice defaults" in texts(at)
    at.radio(key=key(at, "q", "machine_mark")).set_value("no").run()
    assert "machine_mark" not in stored(at).prefilled
    assert "made_in" in stored(at).prefilled


def test_save_a_template_and_begin_from_it() -> None:
    at = start_app()
    at.text_input(key="vigil.start.title").input("Funeral wave").run()
    at.button(key="vigil.start.create").click().run()
    first = assessment_id(at)
    at.button(key=f"vigil.step.{first}.person").click().run()
    at.text_input(key=key(at, "q", "person_name")).input("Erna").run()
    at.button(key=f"vigil.step.{assessment_id(at)}.purpose_step").click().run()
    at.radio(key=key(at, "q", "commercial")).set_value("no").run()
    switch_page(at, "practice").run()
    at.text_input(key="vigil.practice.template.name").input("funeral wave, no sound").run()
    at.button(key="vigil.practice.template.save").click().run()
    assert_ok(at)
    assert "funeral wave, no sound" in [t.value for t in at.text]
    switch_page(at, "start").run()
    tpl = open_store().templates()[0]
    at.selectbox(key="vigil.start.template").set_value(tpl.id).run()
    at.button(key="vigil.start.create").click().run()
    a = stored(at)
    assert a.id != first
    assert a.answers["commercial"].choice == "no"
    assert "person_name" not in a.answers
    assert a.prefilled["commercial"].source == "template"


def test_the_queues_filters_and_order_stay_when_the_language_changes() -> None:
    """The browser sends a choice as its label: after a change of language the widgets are new ones, in the new
    language, holding the same choices."""
    _fill(3)
    at = start_app()
    at.multiselect(key="vigil.queue.verdicts.en").set_value(["resolve_first"]).run()
    at.multiselect(key="vigil.queue.waiting.en").set_value(["unanswered"]).run()
    at.selectbox(key="vigil.queue.sort.en").set_value("due").run()
    at.radio(key="vigil.lang_widget").set_value("de").run()
    assert_ok(at)
    assert at.multiselect(key="vigil.queue.verdicts.de").value == ["resolve_first"]
    assert at.multiselect(key="vigil.queue.waiting.de").value == ["unanswered"]
    sort = at.selectbox(key="vigil.queue.sort.de")
    assert sort.value == "due" and sort.options[sort.index or 0] == "Nächste Frist"
    table = queue_table(at)
    assert table is not None and len(table) == 3


def _uploaders(node):  # type: ignore[no-untyped-def]
    for child in getattr(node, "children", {}).values():
        if getattr(child, "type", "") == "file_uploader":
            yield child.proto
        yield from _uploaders(child)


def test_the_logo_box_does_not_promise_200_mb() -> None:
    """Streamlit writes the upload limit into the box ("200MB per file"); for a logo of at most 300 KB that
    contradicts the label. The box says the smallest limit Streamlit can express, 1 MB."""
    at = start_app()
    switch_page(at, "practice").run()
    assert_ok(at)
    logo = next(u for u in _uploaders(at._tree) if "300 KB" in u.label)
    assert logo.max_upload_size_mb == 1


def test_the_practice_questions_are_not_marked_required() -> None:
    """Practice defaults are a convenience: "(required)" on each of them told a first-time user that all had to
    be answered before anything else; the questionnaire still marks them."""
    at = start_app()
    switch_page(at, "practice").run()
    assert_ok(at)
    assert "How you work" in texts(at)
    assert "(required)" not in texts(at)
    assert "you may leave any of them open" in texts(at)
