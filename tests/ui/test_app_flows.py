"""The app driven through AppTest: smoke over every page and the flows a real user goes through."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.ui.support import (
    add_person,
    answer_section,
    assert_ok,
    checklist_for,
    evaluation,
    fill_everything,
    has_widget,
    key,
    new_assessment,
    shown_text,
    start_app,
    stored,
    switch_page,
)
from vigil.assessment_file import MAX_FILE_BYTES, to_json
from vigil.store.sql import open_store

PAGES = ("questionnaire", "results", "family", "support")


def texts(at) -> str:  # type: ignore[no-untyped-def]
    """Everything the page shows as text, in one string."""
    return shown_text(at)


def test_start_page_draws_without_an_assessment() -> None:
    at = start_app()
    assert_ok(at)
    assert at.title[0].value == "Vigil"
    assert "a" not in at.query_params
    assert has_widget(at, "button", "vigil.break")


@pytest.mark.parametrize("page", PAGES)
def test_every_page_draws_with_nothing_open(page: str) -> None:
    at = start_app()
    switch_page(at, page).run()
    assert_ok(at)
    assert at.title[0].value != "Vigil"
    assert has_widget(at, "button", "vigil.break")
    if page != "support":
        assert "No assessment is open" in texts(at)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_draws_in_german_with_an_assessment_open(page: str, tiny_checklists: Path) -> None:
    at = start_app()
    new_assessment(at)
    at.radio(key="vigil.lang_widget").set_value("de").run()
    switch_page(at, page).run()
    assert_ok(at)
    assert at.button(key="vigil.break").label == "Eine Pause machen"
    assert "No assessment is open" not in texts(at)


def test_every_page_draws_with_an_assessment_open() -> None:
    at = start_app()
    new_assessment(at)
    assert at.title[0].value  # the checklist's title
    answer_section(at)
    fill_everything(at)
    assert "Results" in [t.value for t in at.title]
    at.button(key="vigil.r.family").click().run()
    assert_ok(at)
    assert "Family view" in [t.value for t in at.title]


def test_fill_a_whole_assessment_on_the_shipped_checklist() -> None:
    at = start_app()
    aid = new_assessment(at, "Whole walk")
    checklist = checklist_for(at)
    seen = fill_everything(at)
    ev = evaluation(at)
    assert ev.progress.required > 0
    assert ev.progress.answered == ev.progress.required
    assert set(seen) == {s.id for s in ev.sections}
    assert all(s.state.value in ("complete", "has_concerns") for s in ev.sections)
    assert len(checklist.sections) >= len(seen)
    assert at.query_params["a"] == aid
    shown = texts(at)
    assert "Results" in [t.value for t in at.title]
    assert any(dl.key == "vigil.docs.json" for dl in at.get("download_button"))
    assert "Whole walk" in shown or stored(at).meta.title == "Whole walk"


def test_conditional_question_appears_and_disappears(tiny_checklists: Path) -> None:
    at = start_app()
    new_assessment(at)
    voice = key(at, "q", "voice_lines")
    assert not has_widget(at, "text_area", voice)
    at.radio(key=key(at, "q", "medium")).set_value("voice").run()
    assert has_widget(at, "text_area", voice)
    at.text_area(key=voice).input("Happy birthday, love").run()
    assert stored(at).answers["voice_lines"].text == "Happy birthday, love"
    at.radio(key=key(at, "q", "medium")).set_value("photo").run()
    assert not has_widget(at, "text_area", voice)
    assert "voice_lines" not in evaluation(at).visible_questions
    # the hidden answer stays in the draft and comes back with the question
    at.radio(key=key(at, "q", "medium")).set_value("voice").run()
    assert at.text_area(key=voice).value == "Happy birthday, love"


def test_a_section_can_disappear_from_the_step_list(tiny_checklists: Path) -> None:
    at = start_app()
    aid = new_assessment(at)
    steps = lambda: [b.key for b in at.button if b.key.startswith(f"vigil.step.{aid}.")]  # noqa: E731
    assert f"vigil.step.{aid}.relatives" in steps()
    at.button(key=f"vigil.step.{aid}.person").click().run()
    at.radio(key=key(at, "q", "consent")).set_value("not_applicable").run()
    assert f"vigil.step.{aid}.relatives" not in steps()


def test_dont_know_becomes_an_open_item(tiny_checklists: Path) -> None:
    at = start_app()
    aid = new_assessment(at)
    at.button(key=f"vigil.step.{aid}.person").click().run()
    at.radio(key=key(at, "q", "consent")).set_value("__dont_know__").run()
    assert_ok(at)
    ev = evaluation(at)
    assert [i.question_id for i in ev.open_items] == ["consent"]
    assert any(f.id == "unknown.consent" for f in ev.findings)
    at.text_input(key=key(at, "oi", "consent", "what")).input("Whether she agreed").run()
    at.text_input(key=key(at, "oi", "consent", "who")).input("Her sister").run()
    at.checkbox(key=key(at, "oi", "consent", "done")).check().run()
    item = stored(at).open_items["consent"]
    assert (item.what, item.who, item.done) == ("Whether she agreed", "Her sister", True)
    # don't know on a text question comes from the checkbox
    at.checkbox(key=key(at, "dk", "age_at_death")).check().run()
    assert stored(at).answers["age_at_death"].dont_know
    assert "age_at_death" in stored(at).open_items
    fill_everything(at)
    assert "Whether she agreed" in texts(at)


def test_people_register_add_edit_remove(tiny_checklists: Path) -> None:
    at = start_app()
    aid = new_assessment(at)
    at.button(key=f"vigil.step.{aid}.relatives").click().run()
    q = checklist_for(at).question("relatives")
    first = add_person(at, q, {"name": "Jürgen Weiß", "position": "agrees"})
    second = add_person(at, q, {"name": "Алексей", "position": "objects"})
    people = stored(at).answers["relatives"].people or []
    assert [p.values["name"] for p in people] == ["Jürgen Weiß", "Алексей"]
    assert evaluation(at).verdict.id.value == "stop"
    at.selectbox(key=key(at, "p", "relatives", second, "position")).set_value("agrees").run()
    at.button(key=key(at, "prm", "relatives", first)).click().run()
    assert len(stored(at).answers["relatives"].people or []) == 2  # asks first
    at.button(key=key(at, "prm_no", "relatives", first)).click().run()
    assert len(stored(at).answers["relatives"].people or []) == 2
    at.button(key=key(at, "prm", "relatives", first)).click().run()
    at.button(key=key(at, "prm_yes", "relatives", first)).click().run()
    people = stored(at).answers["relatives"].people or []
    assert [(p.values["name"], p.values["position"]) for p in people] == [("Алексей", "agrees")]


def test_language_switch_keeps_every_answer(tiny_checklists: Path) -> None:
    at = start_app()
    aid = new_assessment(at)
    at.button(key=f"vigil.step.{aid}.person").click().run()
    answer_section(at)
    before = stored(at).answers
    at.radio(key="vigil.lang_widget").set_value("de").run()
    assert_ok(at)
    name_key = key(at, "q", "person_name")  # widgets of another language are new widgets (issue 11 §1)
    assert at.text_input(key=name_key).value == "Anna Müller"
    assert at.radio(key=key(at, "q", "consent")).label == "DE: Question consent?"
    assert at.button(key="vigil.break").label == "Eine Pause machen"
    assert stored(at).answers == before
    assert "a" in at.query_params and set(at.query_params) == {"a"}  # the language never goes in the URL
    remembered = [str(h.proto.body) for h in at.get("html") if "vigil_lang" in str(h.proto.body)]
    assert remembered and "vigil_lang=de;" in remembered[0]  # a cookie remembers it for this browser
    at.radio(key="vigil.lang_widget").set_value("en").run()
    assert at.radio(key=key(at, "q", "consent")).value == "yes"


def test_resume_by_id_from_the_link(tiny_checklists: Path) -> None:
    at = start_app()
    aid = new_assessment(at)
    at.radio(key=key(at, "q", "medium")).set_value("bot").run()
    fresh = start_app()  # a new browser session: nothing in its state
    fresh.query_params["a"] = aid
    fresh.run()
    assert_ok(fresh)
    assert fresh.session_state["vigil"].draft.id == aid
    assert fresh.session_state["vigil"].draft.answers["medium"].choice == "bot"


def test_unknown_link_is_explained(tiny_checklists: Path) -> None:
    at = start_app()
    at.query_params["a"] = "no-such-assessment-id"
    at.run()
    assert_ok(at)
    assert "could not be found" in texts(at)
    assert "a" not in at.query_params


def test_take_a_break_returns_to_start_and_says_it_is_saved(tiny_checklists: Path) -> None:
    at = start_app()
    new_assessment(at, "Grandma's video")
    at.radio(key=key(at, "q", "medium")).set_value("photo").run()
    at.button(key="vigil.break").click().run()
    assert_ok(at)
    assert at.title[0].value == "Vigil"
    shown = texts(at)
    assert "Everything is saved." in shown
    assert "Grandma's video" in shown
    assert "a" not in at.query_params


def test_stale_write_is_detected_and_the_user_chooses(tiny_checklists: Path) -> None:
    one = start_app()
    aid = new_assessment(one)
    two = start_app()
    two.query_params["a"] = aid
    two.run()
    one.radio(key=key(one, "q", "medium")).set_value("photo").run()
    two.radio(key=key(two, "q", "medium")).set_value("bot").run()
    assert_ok(two)
    assert two.session_state["vigil"].status == "stale"
    assert "changed in another tab" in texts(two)
    assert open_store().get(aid).answers["medium"].choice == "photo"  # nothing overwritten silently
    # further changes stay in this tab, still unsaved
    two.multiselect(key=key(two, "q", "platforms")).set_value(["tiktok"]).run()
    assert "platforms" not in open_store().get(aid).answers
    two.button(key="vigil.save.mine").click().run()
    assert_ok(two)
    saved = open_store().get(aid)
    assert saved.answers["medium"].choice == "bot"
    assert saved.answers["platforms"].choices == ["tiktok"]
    # and the first tab, now stale itself, can load the other version
    one.radio(key=key(one, "q", "medium")).set_value("voice").run()
    assert one.session_state["vigil"].status == "stale"
    one.button(key="vigil.save.theirs").click().run()
    assert one.session_state["vigil"].draft.answers["medium"].choice == "bot"
    assert one.radio(key=key(one, "q", "medium")).value == "bot"


def test_store_unavailable_keeps_the_answers_and_recovers(tiny_checklists: Path, data_dir: Path) -> None:
    at = start_app()
    aid = new_assessment(at)
    at.radio(key=key(at, "q", "medium")).set_value("photo").run()
    moved = data_dir.with_name("moved-away")
    data_dir.rename(moved)  # the data folder is gone (an unplugged drive, a cleaned-up folder)
    try:
        at.radio(key=key(at, "q", "medium")).set_value("voice").run()
        assert_ok(at)
        assert at.session_state["vigil"].status == "unavailable"
        assert at.session_state["vigil"].draft.answers["medium"].choice == "voice"
        assert "could not be saved yet" in texts(at)
        at.button(key="vigil.save.retry").click().run()  # still gone: a calm message again, nothing lost
        assert_ok(at)
        assert at.session_state["vigil"].status == "unavailable"
        assert at.radio(key=key(at, "q", "medium")).value == "voice"
        # "take a break" must not claim everything is saved, nor drop the only copy of the latest answer
        at.button(key="vigil.break").click().run()
        assert_ok(at)
        assert at.session_state["vigil"].draft.answers["medium"].choice == "voice"
        assert "not saved yet" in " ".join(t.value for t in at.toast)
    finally:
        moved.rename(data_dir)
    at.text_area(key=key(at, "q", "voice_lines")).input("Recovered").run()
    assert at.session_state["vigil"].status == "saved"
    saved = open_store().get(aid)
    assert saved.answers["medium"].choice == "voice"
    assert saved.answers["voice_lines"].text == "Recovered"


BAD_FILES = {
    "malformed": b"{ not json",
    "oversized": b"{" + b" " * (MAX_FILE_BYTES + 10) + b"}",
    "foreign": json.dumps({"format": "something-else", "answers": {}}).encode(),
    "newer": json.dumps({"format": "vigil-assessment", "format_version": 99}).encode(),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_imports_give_a_message_and_change_nothing(name: str, tiny_checklists: Path) -> None:
    at = start_app()
    new_assessment(at, "Existing")
    at.button(key="vigil.break").click().run()
    before = [(r.id, r.revision) for r in open_store().list()]
    uploader = next(u for u in at.file_uploader if u.key and u.key.startswith("vigil.start.upload"))
    uploader.set_value((f"{name}.json", BAD_FILES[name], "application/json")).run()
    assert_ok(at)
    assert "could not be opened" in texts(at)
    assert [(r.id, r.revision) for r in open_store().list()] == before
    assert at.session_state["vigil"].draft is None
    assert at.title[0].value == "Vigil"


def test_import_gets_a_new_id_and_never_overwrites(tiny_checklists: Path) -> None:
    at = start_app()
    aid = new_assessment(at, "Original")
    at.radio(key=key(at, "q", "medium")).set_value("photo").run()
    exported = to_json(stored(at)).encode()
    at.button(key="vigil.break").click().run()
    uploader = next(u for u in at.file_uploader if u.key and u.key.startswith("vigil.start.upload"))
    uploader.set_value(("copy.json", exported, "application/json")).run()
    assert_ok(at)
    new_id = at.session_state["vigil"].draft.id
    assert new_id != aid
    assert at.query_params["a"] == new_id
    assert {r.id for r in open_store().list()} == {aid, new_id}
    assert open_store().get(new_id).answers["medium"].choice == "photo"


def test_documents_are_made_only_when_asked(tiny_checklists: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from vigil.render import FontMissingError
    from vigil.ui import documents

    calls: list[str] = []

    def fake_report(*args: object) -> bytes:
        calls.append("report")
        return b"%PDF-fake"

    def broken(*args: object) -> bytes:
        raise FontMissingError("The name 张 cannot be shown: install fonts-noto-cjk.")

    monkeypatch.setitem(documents.RENDERERS, "report", fake_report)
    monkeypatch.setitem(documents.RENDERERS, "consent", broken)
    at = start_app()
    new_assessment(at)
    switch_page(at, "results").run()
    assert_ok(at)
    assert calls == []
    assert not has_widget(at, "download_button", "vigil.docs.dl.report")
    at.button(key="vigil.docs.make.report").click().run()
    assert calls == ["report"]
    assert has_widget(at, "download_button", "vigil.docs.dl.report")
    at.run()
    assert calls == ["report"]  # not made again on a rerun
    at.button(key="vigil.docs.make.consent").click().run()
    assert_ok(at)
    assert "could not be made" in texts(at)
    assert "install fonts-noto-cjk" in texts(at)
    assert has_widget(at, "download_button", "vigil.docs.json")
    # a document made before a change is not offered for the changed assessment
    switch_page(at, "questionnaire").run()
    at.radio(key=key(at, "q", "medium")).set_value("bot").run()
    switch_page(at, "results").run()
    assert not has_widget(at, "download_button", "vigil.docs.dl.report")
    assert has_widget(at, "button", "vigil.docs.make.report")


def test_title_and_maker_can_be_changed_later(tiny_checklists: Path) -> None:
    at = start_app()
    new_assessment(at, "Draft title")
    at.text_input(key=key(at, "meta", "title")).input("Final title").run()
    at.text_input(key=key(at, "meta", "assessor")).input("Studio Licht").run()
    assert (stored(at).meta.title, stored(at).meta.assessor) == ("Final title", "Studio Licht")


def test_dont_know_box_follows_a_real_answer(tiny_checklists: Path) -> None:
    at = start_app()
    aid = new_assessment(at)
    at.button(key=f"vigil.step.{aid}.person").click().run()
    at.checkbox(key=key(at, "dk", "age_at_death")).check().run()
    assert has_widget(at, "text_input", key(at, "oi", "age_at_death", "what"))
    at.number_input(key=key(at, "q", "age_at_death")).set_value(64).run()
    assert_ok(at)
    assert at.checkbox(key=key(at, "dk", "age_at_death")).value is False
    assert not has_widget(at, "text_input", key(at, "oi", "age_at_death", "what"))
    assert stored(at).answers["age_at_death"].is_answered


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_bad_import_says_what_to_do_and_marks_the_technical_reason(lang: str) -> None:
    """The reason comes from the file reader in English: the message says which file to choose instead, and on
    a German page that the reason is in English."""
    from vigil import i18n

    at = start_app()
    if lang != "en":
        at.radio(key="vigil.lang_widget").set_value(lang).run()
    uploader = next(u for u in at.file_uploader if u.key and u.key.startswith("vigil.start.upload"))
    uploader.set_value(("foreign.json", BAD_FILES["foreign"], "application/json")).run()
    assert_ok(at)
    shown = texts(at)
    what = i18n.t(lang, "ui.start.import.what_to_do", button=i18n.t(lang, "ui.docs.json"),
                  page=i18n.t(lang, "ui.page.results"))
    assert what in shown
    assert i18n.t(lang, "ui.start.import.reason") in shown
