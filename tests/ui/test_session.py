"""The load / change / save cycle against an in-memory store: stale writes, faults, deletions, imports."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.tiny import tiny_checklist
from tests.ui.support import MemoryStore
from vigil.models.assessment import Answer, OpenItem
from vigil.ui.session import MAKER, META, SaveStatus, Session, changed_parts, duplicate, part
from vigil.ui.state import UiState


def _pair() -> tuple[Session, MemoryStore, UiState]:
    store = MemoryStore()
    state = UiState()
    return Session(state, store), store, state


def _choose(value: str) -> tuple[Any, set[str]]:
    def mutate(a: Any) -> None:
        a.answers["medium"] = Answer(choice=value)
    return mutate, {"medium"}


def test_create_opens_a_stored_assessment() -> None:
    session, store, _ = _pair()
    a = session.create(tiny_checklist(), "  Grandma  ", "de")
    assert a.revision == 1
    assert a.meta.title == "Grandma"
    assert a.meta.language == "de"
    assert store.rows[a.id].revision == 1
    assert session.draft is not None and session.draft.id == a.id


def test_every_change_is_saved_at_once() -> None:
    session, store, _ = _pair()
    a = session.create(tiny_checklist(), "", "en")
    assert session.change(*_choose("photo")) == SaveStatus.saved
    assert store.rows[a.id].answers["medium"].choice == "photo"
    assert store.rows[a.id].revision == 2
    assert session.draft is not None and session.draft.revision == 2


def test_stale_write_keeps_the_draft_and_saves_nothing_until_the_user_chooses() -> None:
    one, store, _ = _pair()
    a = one.create(tiny_checklist(), "", "en")
    two = Session(UiState(), store)
    two.open(a.id)
    one.change(*_choose("photo"))
    assert two.change(*_choose("bot")) == SaveStatus.stale
    assert two.change(*_choose("voice")) == SaveStatus.stale  # still not saved over the other tab
    assert store.rows[a.id].answers["medium"].choice == "photo"
    assert two.draft is not None and two.draft.answers["medium"].choice == "voice"
    assert two.keep_mine() == SaveStatus.saved
    assert store.rows[a.id].answers["medium"].choice == "voice"


def test_load_theirs_replaces_the_draft_and_renews_widget_keys() -> None:
    one, store, _ = _pair()
    a = one.create(tiny_checklist(), "", "en")
    two = Session(UiState(), store)
    two.open(a.id)
    old_key = two.widget_key("q", "medium")
    one.change(*_choose("photo"))
    two.change(*_choose("bot"))
    two.load_theirs()
    assert two.status == SaveStatus.saved
    assert two.draft is not None and two.draft.answers["medium"].choice == "photo"
    assert two.widget_key("q", "medium") != old_key
    assert a.id in old_key and "medium" in old_key


def test_store_down_keeps_answers_and_the_next_change_saves_them() -> None:
    session, store, state = _pair()
    a = session.create(tiny_checklist(), "", "en")
    store.down = True
    assert session.change(*_choose("photo")) == SaveStatus.unavailable
    assert session.reason_key == "store.unavailable.locked"
    assert session.save() == SaveStatus.unavailable
    store.down = False

    def more(x: Any) -> None:
        x.answers["platforms"] = Answer(choices=["tiktok"])

    assert session.change(more, {"platforms"}) == SaveStatus.saved
    saved = store.rows[a.id]
    assert saved.answers["medium"].choice == "photo"
    assert saved.answers["platforms"].choices == ["tiktok"]
    assert state.status == "saved"


def test_deleted_elsewhere_can_be_kept_as_new() -> None:
    session, store, _ = _pair()
    a = session.create(tiny_checklist(), "", "en")
    store.delete(a.id)
    assert session.change(*_choose("photo")) == SaveStatus.not_found
    kept = session.save_as_new()
    assert kept is not None and kept.id != a.id
    assert store.rows[kept.id].answers["medium"].choice == "photo"
    assert session.status == SaveStatus.saved


def test_adopt_gives_a_new_id_so_nothing_is_overwritten() -> None:
    session, store, _ = _pair()
    a = session.create(tiny_checklist(), "", "en")
    session.change(*_choose("photo"))
    imported = store.get(a.id).model_copy(update={"revision": 7})
    adopted = session.adopt(imported)
    assert adopted.id != a.id
    assert adopted.revision == 1
    assert store.rows[a.id].answers["medium"].choice == "photo"
    assert len(store.rows) == 2


def test_duplicate_copies_under_a_new_id() -> None:
    session, store, _ = _pair()
    a = session.create(tiny_checklist(), "Video", "en")
    session.change(*_choose("voice"))
    copy = duplicate(store, a.id, " (copy)")
    assert copy.id != a.id
    assert copy.meta.title == "Video (copy)"
    assert copy.answers == store.rows[a.id].answers


def test_open_unknown_id_raises_and_keeps_the_session() -> None:
    from vigil.store import NotFoundError

    session, _, _ = _pair()
    session.create(tiny_checklist(), "", "en")
    before = session.draft
    with pytest.raises(NotFoundError):
        session.open("nope")
    assert session.draft is before


# --------------------------------------------------------------------------- the save guard (issue 11 §1)


def test_a_change_that_alters_more_than_it_names_is_refused_and_logged_without_text(
        caplog: pytest.LogCaptureFixture) -> None:
    session, store, state = _pair()
    a = session.create(tiny_checklist(), "", "en")
    session.change(*_choose("photo"))
    session.change(lambda x: x.answers.__setitem__("platforms", Answer(choices=["tiktok"])), {"platforms"})
    before = store.rows[a.id].model_copy(deep=True)

    def sweeping(x: Any) -> None:  # what the language switch did: one action emptying other answers too
        x.answers["medium"] = Answer(choice="bot", note="Oma Grete")
        x.answers.pop("platforms")

    with caplog.at_level("WARNING", logger="vigil.ui.session"):
        status = session.change(sweeping, {"medium"})
    assert status == SaveStatus.saved  # nothing new happened to the saving
    assert store.rows[a.id] == before  # nothing saved
    assert session.draft is not None and session.draft.answers == before.answers  # the draft is as it was
    assert state.refused == 1
    assert "platforms" in caplog.text
    assert "Grete" not in caplog.text and "bot" not in caplog.text


def test_the_guard_refuses_changes_to_details_and_the_pin_unless_named() -> None:
    session, store, state = _pair()
    a = session.create(tiny_checklist(), "Title", "en")

    def retitle(x: Any) -> None:
        x.meta.title = "Other"

    assert session.change(retitle, {"medium"}) == SaveStatus.saved
    assert store.rows[a.id].meta.title == "Title" and state.refused == 1

    def repin(x: Any) -> None:
        x.checklist.version = "0.0.0"

    session.change(repin, {"medium", META})
    assert store.rows[a.id].checklist.version == a.checklist.version and state.refused == 2
    session.change(retitle, {META})
    assert store.rows[a.id].meta.title == "Other" and state.refused == 2


def test_changed_parts_names_answers_open_items_and_details() -> None:
    session, _, _ = _pair()
    a = session.create(tiny_checklist(), "", "en")
    b = a.model_copy(deep=True)
    b.answers["medium"] = Answer(choice="photo")
    b.open_items["consent"] = OpenItem(question_id="consent")
    b.meta.assessor = "Ann"
    b.revision += 3
    assert changed_parts(a, b) == {"medium", "consent", META}


def test_widget_keys_name_the_language_so_choice_widgets_start_afresh_in_another_one() -> None:
    session, _, state = _pair()
    session.create(tiny_checklist(), "", "de")
    state.lang = "de"
    german = session.widget_key("q", "medium")
    state.lang = "en"
    english = session.widget_key("q", "medium")
    assert german != english
    assert german.endswith(".q.medium") and ".de." in german


def test_every_other_top_level_field_is_its_own_part() -> None:
    session, store, state = _pair()
    a = session.create(tiny_checklist(), "", "en")

    def maker(x: Any) -> None:
        x.maker.name = "Studio Licht"

    session.change(maker, {"medium"})
    assert store.rows[a.id].maker.name != "Studio Licht" and state.refused == 1
    session.change(maker, {part("maker")})
    assert store.rows[a.id].maker.name == "Studio Licht" and state.refused == 1
    assert part("maker") == MAKER
