"""Start page actions, deleted-elsewhere, evidence, examples behind a content note, and hostile text."""

from __future__ import annotations

import hashlib
from pathlib import Path

from tests.ui.support import assert_ok, choose_row, evaluation, key, new_assessment, start_app, stored, switch_page
from tests.ui.test_app_flows import texts
from vigil.store.sql import open_store

HOSTILE = '#read("/etc/passwd") *x* $y$ <z> <script>alert(1)</script> \u202eevil :red[alarm]'


def _row_buttons(at, aid: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {b.key.split(".")[2]: b.key for b in at.button if b.key and b.key.endswith(aid)}


def test_open_duplicate_and_delete_with_confirmation(tiny_checklists: Path) -> None:
    at = start_app()
    aid = new_assessment(at, "First")
    at.radio(key=key(at, "q", "medium")).set_value("voice").run()
    at.button(key="vigil.break").click().run()
    choose_row(at, "First")
    at.button(key=f"vigil.start.dup.{aid}").click().run()
    assert_ok(at)
    rows = open_store().list()
    assert len(rows) == 2
    copy = next(r for r in rows if r.id != aid)
    assert copy.title == "First (copy)"
    assert open_store().get(copy.id).answers["medium"].choice == "voice"
    choose_row(at, "First (copy)")
    at.button(key=f"vigil.start.del.{copy.id}").click().run()
    assert "cannot be undone" in texts(at)
    at.button(key=f"vigil.start.del_no.{copy.id}").click().run()
    assert len(open_store().list()) == 2
    at.button(key=f"vigil.start.del.{copy.id}").click().run()
    at.button(key=f"vigil.start.del_yes.{copy.id}").click().run()
    assert_ok(at)
    assert [r.id for r in open_store().list()] == [aid]
    choose_row(at, "First")
    at.button(key=f"vigil.start.open.{aid}").click().run()
    assert_ok(at)
    assert at.query_params["a"] == aid
    assert at.radio(key=key(at, "q", "medium")).value == "voice"


def test_switching_assessments_never_leaks_widget_values(tiny_checklists: Path) -> None:
    at = start_app()
    first = new_assessment(at, "A")
    at.radio(key=key(at, "q", "medium")).set_value("bot").run()
    at.button(key="vigil.break").click().run()
    second = new_assessment(at, "B")
    assert second != first
    assert at.radio(key=key(at, "q", "medium")).value is None
    assert all(first not in (w.key or "") for w in at.radio)


def test_deleted_elsewhere_is_explained_and_can_be_kept(tiny_checklists: Path) -> None:
    at = start_app()
    aid = new_assessment(at)
    open_store().delete(aid)
    at.radio(key=key(at, "q", "medium")).set_value("photo").run()
    assert_ok(at)
    assert "deleted elsewhere" in texts(at)
    at.button(key="vigil.save.new").click().run()
    assert_ok(at)
    new_id = at.session_state["vigil"].draft.id
    assert new_id != aid
    assert at.query_params["a"] == new_id
    assert open_store().get(new_id).answers["medium"].choice == "photo"


def test_evidence_keeps_only_name_and_fingerprint(tiny_checklists: Path) -> None:
    at = start_app()
    new_assessment(at)
    content = b"Signed by the whole family"
    uploader = next(u for u in at.file_uploader if u.key and ".ev.medium." in u.key)
    uploader.set_value(("consent.pdf", content, "application/pdf")).run()
    assert_ok(at)
    evidence = stored(at).answers["medium"].evidence
    assert [(e.file_name, e.sha256) for e in evidence] == [("consent.pdf", hashlib.sha256(content).hexdigest())]
    assert content.decode() not in stored(at).model_dump_json()
    assert hashlib.sha256(content).hexdigest() in texts(at)
    at.button(key=next(b.key for b in at.button if b.key and ".evrm.medium." in b.key)).click().run()
    assert "medium" not in stored(at).answers


def test_examples_about_a_death_wait_behind_a_content_note(tiny_checklists: Path) -> None:
    at = start_app()
    aid = new_assessment(at)
    at.button(key=f"vigil.step.{aid}.person").click().run()
    shown = texts(at)
    assert "SUMMARY-OF-GOOD-PRACTICE" in shown
    assert "Content note" in shown
    assert "SUMMARY-OF-A-DEATH" not in shown
    at.toggle(key=key(at, "ex", "person_name", "ex_sad")).set_value(True).run()
    assert "SUMMARY-OF-A-DEATH" in texts(at)


def test_hostile_text_is_shown_literally_never_as_markup(tiny_checklists: Path) -> None:
    at = start_app()
    aid = new_assessment(at, HOSTILE)
    at.button(key=f"vigil.step.{aid}.person").click().run()
    at.text_input(key=key(at, "q", "person_name")).input(HOSTILE).run()
    at.button(key=f"vigil.step.{aid}.relatives").click().run()
    at.button(key=key(at, "padd", "relatives")).click().run()
    at.button(key="vigil.break").click().run()
    assert_ok(at)
    for page in ("start", "results", "family"):
        if page != "start":
            at.query_params["a"] = aid
        switch_page(at, page).run()
        assert_ok(at)
        for element in [*at.markdown, *at.caption]:
            value = str(element.value)
            # wherever the user's text appears in Markdown, every markup character is escaped
            for raw in ("<script>", "*x*", "$y$", ":red[", '#read("'):
                assert raw not in value, (page, value)
        assert not at.get("html") or all("alert(1)" not in str(h.proto) for h in at.get("html"))
    assert HOSTILE in texts(at) or HOSTILE.replace("\u202e", "") in texts(at).replace("\u202e", "")


def test_start_list_shows_progress_and_verdict(tiny_checklists: Path) -> None:
    at = start_app()
    aid = new_assessment(at, "Video")
    at.button(key=f"vigil.step.{aid}.person").click().run()
    at.text_input(key=key(at, "q", "person_name")).input("Jürgen Weiß").run()
    progress = evaluation(at).progress
    at.button(key="vigil.break").click().run()
    table = at.dataframe[0].value
    assert list(table["Title"]) == ["Video"]
    assert list(table["Progress"]) == [f"{progress.answered} of {progress.required} answered"]
    assert progress.answered == 1
    assert list(table["Verdict"]) == ["Resolve first"]


def test_support_lists_resources_for_the_current_language(tiny_checklists: Path) -> None:
    at = start_app()
    switch_page(at, "support").run()
    assert "Helpline EN" in texts(at)
    assert "Telefonseelsorge" not in texts(at)
    at.radio(key="vigil.lang_widget").set_value("de").run()
    assert "Telefonseelsorge" in texts(at)
    assert "Helpline EN" not in texts(at)


def test_family_view_has_no_scores_and_no_colours(tiny_checklists: Path) -> None:
    at = start_app()
    aid = new_assessment(at)
    at.radio(key=key(at, "q", "medium")).set_value("voice").run()
    switch_page(at, "family").run()
    assert_ok(at)
    assert not at.main.get("vega_lite_chart")
    assert not at.get("progress")  # not even the live status in the sidebar
    assert not at.main.get("metric")
    shown = texts(at)
    assert "A voice clone must be labelled." not in shown or "Label it." in shown
    assert "%" not in shown
    assert aid not in shown


def test_a_store_that_cannot_open_gets_a_calm_message(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("VIGIL_DATABASE_URL", "mysql://somewhere/vigil")
    at = start_app()
    assert_ok(at)
    assert "SQLite or PostgreSQL" in texts(at)
    assert at.title[0].value == "Vigil"
    assert not any(b.key == "vigil.start.create" for b in at.button)


def test_broken_checklist_files_get_a_calm_message(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "bad.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    monkeypatch.setenv("VIGIL_CHECKLISTS", str(folder))
    at = start_app()
    assert_ok(at)
    assert "checklist files could not be loaded" in texts(at)
    assert not any(b.key == "vigil.start.create" for b in at.button)
