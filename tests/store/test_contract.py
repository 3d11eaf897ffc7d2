"""The store contract (vigil.store.AssessmentStore), run on SQLite and on PostgreSQL alike."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from tests.store.samples import HOSTILE, hostile_sample, sample
from vigil.i18n.faults import fault_words
from vigil.models.assessment import Answer, Assessment
from vigil.store import (
    AlreadyExistsError,
    AssessmentStore,
    NotFoundError,
    StaleWriteError,
    UnreadableError,
    UnstorableTextError,
)
from vigil.store.sql import SqlStore, open_store


def test_it_is_an_assessment_store(store: SqlStore) -> None:
    as_protocol: AssessmentStore = store  # mypy checks the structural match; this checks it at run time too
    for name in ("create", "get", "save", "delete", "list"):
        assert callable(getattr(as_protocol, name))


def test_create_stores_revision_one_and_get_returns_it(store: SqlStore) -> None:
    original = sample()
    assert original.revision == 0
    created = store.create(original)
    assert created.revision == 1
    assert created.id == original.id
    assert created.answers == original.answers
    assert created.open_items == original.open_items
    assert created.meta.title == original.meta.title
    assert store.get(original.id) == created


def test_create_does_not_change_the_callers_object(store: SqlStore) -> None:
    original = sample()
    store.create(original)
    assert original.revision == 0


def test_an_id_can_be_created_only_once(store: SqlStore) -> None:
    first = store.create(sample(title="first"))
    again = sample(title="second")
    again.id = first.id
    with pytest.raises(AlreadyExistsError):
        store.create(again)
    assert store.get(first.id).meta.title == "first"


def test_get_of_an_unknown_id_is_not_found(store: SqlStore) -> None:
    with pytest.raises(NotFoundError):
        store.get("no-such-id")
    with pytest.raises(NotFoundError):
        store.get("' OR '1'='1")


def test_save_increments_the_revision_and_keeps_the_change(store: SqlStore) -> None:
    created = store.create(sample())
    created.answers["medium"] = Answer(choice="photo")
    saved = store.save(created)
    assert saved.revision == 2
    assert saved.meta.updated >= created.meta.updated
    again = store.get(created.id)
    assert again == saved
    assert again.answers["medium"].choice == "photo"
    saved.answers["extra"] = Answer(text="third")
    assert store.save(saved).revision == 3
    assert store.get(created.id).answers["extra"].text == "third"


def test_a_stale_copy_cannot_overwrite_a_newer_save(store: SqlStore) -> None:
    created = store.create(sample())
    tab_one = store.get(created.id)
    tab_two = store.get(created.id)
    tab_one.answers["medium"] = Answer(choice="photo")
    store.save(tab_one)
    tab_two.answers["medium"] = Answer(choice="bot")
    with pytest.raises(StaleWriteError) as caught:
        store.save(tab_two)
    assert (caught.value.assessment_id, caught.value.expected, caught.value.actual) == (created.id, 1, 2)
    assert store.get(created.id).answers["medium"].choice == "photo"


def test_two_store_objects_on_one_database_see_each_others_writes(store_url: str, store: SqlStore) -> None:
    """Like two app servers sharing one database."""
    other = open_store(store_url)
    try:
        created = store.create(sample())
        from_other = other.get(created.id)
        other.save(from_other)
        with pytest.raises(StaleWriteError):
            store.save(created)
        assert store.get(created.id).revision == 2
    finally:
        other.close()


def test_list_is_most_recently_changed_first(store: SqlStore) -> None:
    a = store.create(sample(title="A"))
    b = store.create(sample(title="B"))
    c = store.create(sample(title="C"))
    assert [row.title for row in store.list()] == ["C", "B", "A"]
    store.save(a)
    rows = store.list()
    assert [row.id for row in rows] == [a.id, c.id, b.id]
    first = rows[0]
    assert (first.title, first.checklist_id, first.checklist_version, first.revision) == ("A", "tiny", "2026.1", 2)
    assert first.updated.tzinfo is not None
    assert first.updated.utcoffset() == dt.timedelta(0)


def test_list_of_an_empty_store_is_empty(store: SqlStore) -> None:
    assert store.list() == []


def test_delete_deletes(store: SqlStore) -> None:
    keep = store.create(sample(title="keep"))
    gone = store.create(sample(title="gone"))
    store.delete(gone.id)
    with pytest.raises(NotFoundError):
        store.get(gone.id)
    assert [row.id for row in store.list()] == [keep.id]
    assert store.count() == 1
    with pytest.raises(NotFoundError):
        store.delete(gone.id)


def test_saving_a_deleted_assessment_is_not_found_not_stale(store: SqlStore) -> None:
    created = store.create(sample())
    store.delete(created.id)
    with pytest.raises(NotFoundError):
        store.save(created)
    with pytest.raises(NotFoundError):
        store.get(created.id)


def test_hostile_and_multilingual_text_round_trips_literally(store: SqlStore) -> None:
    original = hostile_sample()
    created = store.create(original)
    back = store.get(original.id)
    assert back == created
    assert back.meta.title == "'; DROP TABLE assessments; --"
    for i, text in enumerate(HOSTILE):
        assert back.answers[f"q_{i}"].text == text
        assert back.answers[f"q_{i}"].note == text
    assert [p.values["name"] for p in back.answers["relatives"].people or []] == HOSTILE
    assert store.list()[0].title == HOSTILE[0]
    # The table is still there and still answers.
    saved = store.save(back)
    assert store.get(original.id) == saved
    assert store.count() == 1


@pytest.mark.parametrize("title", HOSTILE)
def test_hostile_titles_are_listed_literally(store: SqlStore, title: str) -> None:
    created = store.create(sample(title=title))
    [row] = store.list()
    assert row.title == title
    assert store.get(created.id).meta.title == title


def test_hostile_ids_are_refused_before_any_query(store: SqlStore) -> None:
    with pytest.raises(ValidationError):
        sample().id = "x' OR '1'='1"
    b = store.create(sample())
    for hostile in ("' OR '1'='1", "\x00", "a\x00", "x" * 65, "", "ä", b.id + "'"):
        with pytest.raises(NotFoundError):
            store.delete(hostile)
        with pytest.raises(NotFoundError):
            store.get(hostile)
        with pytest.raises(NotFoundError):
            store.save(b.model_copy(update={"id": hostile}))
    assert [row.id for row in store.list()] == [b.id]
    store.delete(b.id)
    assert store.count() == 0


def test_a_nul_character_is_refused_the_same_way_on_every_database(store: SqlStore) -> None:
    created = store.create(sample())
    # the model drops NUL from text it validates ...
    created.answers["voice_lines"] = Answer(text="pasted\x00text")
    assert store.save(created).answers["voice_lines"].text == "pastedtext"
    # ... and should one slip past validation, every database refuses it the same way, changing nothing
    current = store.get(created.id)
    current.answers["voice_lines"] = Answer.model_construct(text="pasted\x00text")
    with pytest.raises(UnstorableTextError):
        store.save(current)
    assert store.get(created.id).revision == 2
    assert store.count() == 1


def test_save_returns_a_copy_that_does_not_share_state_with_the_argument(store: SqlStore) -> None:
    created = store.create(sample())
    saved = store.save(created)
    created.answers["medium"] = Answer(choice="bot")
    assert saved.answers["medium"].choice == "voice"
    assert store.get(created.id).answers["medium"].choice == "voice"


def test_an_assessment_from_a_newer_vigil_is_refused_calmly(store: SqlStore) -> None:
    created = store.create(sample())
    # Simulate a row written by a future Vigil with a field this one does not know.
    from sqlalchemy import update

    from vigil.store.schema import assessments

    doc = created.model_dump(mode="json") | {"future_field": 1}
    with store._engine.begin() as conn:
        conn.execute(update(assessments).where(assessments.c.id == created.id).values(document=doc))
    with pytest.raises(UnreadableError) as caught:
        store.get(created.id)
    assert "newer Vigil or is damaged" in fault_words(caught.value)
    assert "future_field" not in str(caught.value)


def test_every_answer_kind_survives(store: SqlStore) -> None:
    original: Assessment = sample()
    back = store.get(store.create(original).id)
    assert back.answers["age_at_death"].number == 81.5
    assert back.answers["died_on"].date == dt.date(2024, 3, 1)
    assert back.answers["platforms"].choices == ["youtube", "tiktok"]
    assert back.answers["consent"].dont_know is True
    assert back.answers["forbade"].evidence[0].sha256 == "ab" * 32
    assert back.open_items["consent"].due == dt.date(2026, 12, 24)
    assert back.answers["relatives"].people == original.answers["relatives"].people
