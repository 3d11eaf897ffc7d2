"""The load / change / save cycle against an in-memory store: stale writes, faults, deletions, imports."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.tiny import tiny_checklist
from tests.ui.support import MemoryStore
from vigil.models.assessment import Answer
from vigil.ui.session import SaveStatus, Session, duplicate
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
