"""The practice's records in the store (profile, defaults, templates) and the "from your practice defaults" marks,
on SQLite and PostgreSQL."""

from __future__ import annotations

import base64
import datetime as dt

import pytest
from sqlalchemy import create_engine

from vigil.catalog import load_catalog
from vigil.models.assessment import Answer, Maker
from vigil.models.profile import Logo, MakerProfile
from vigil.practice import mark, practice_defaults, start, template_from
from vigil.store import NotFoundError, UnreadableError
from vigil.store.schema import settings
from vigil.store.sql import SqlStore

CHECKLIST = load_catalog().latest()[0]
HOSTILE = "Studio ':material/warning: <b>x</b> www.example.com a@b.de'; DROP TABLE settings; --"


def _defaults_answers() -> dict[str, Answer]:
    return {
        "machine_mark": Answer(choice="yes"),
        "retention": Answer(choice=CHECKLIST.question("retention").options[0].id),
        "aftercare": Answer(choice="yes", note=HOSTILE),
        "person_name": Answer(text="never a default"),  # not a practice question: left out
    }


def test_the_profile_is_kept_once_per_database(store: SqlStore) -> None:
    assert store.profile() == MakerProfile()
    profile = MakerProfile(maker=Maker(name="Ana Müller", organisation=HOSTILE, contact="ana@example.com"),
                           logo=Logo(media_type="image/png", data=base64.b64encode(b"\x89PNG\r\n\x1a\nfake")))
    store.save_profile(profile)
    assert store.profile() == profile
    changed = profile.model_copy(update={"maker": Maker(name="Ana")})
    store.save_profile(changed)
    assert store.profile() == changed


def test_practice_defaults_keep_only_practice_questions(store: SqlStore) -> None:
    assert store.practice_defaults(CHECKLIST.id) is None
    defaults = practice_defaults(CHECKLIST, _defaults_answers())
    assert set(defaults.answers) == {"machine_mark", "retention", "aftercare"}
    store.save_practice_defaults(defaults)
    assert store.practice_defaults(CHECKLIST.id) == defaults


def test_a_new_assessment_starts_from_the_defaults_marked_until_changed(store: SqlStore) -> None:
    store.save_practice_defaults(practice_defaults(CHECKLIST, _defaults_answers()))
    fresh = start(CHECKLIST, title="K-1", language="en", defaults=store.practice_defaults(CHECKLIST.id))
    a = store.create(fresh)
    assert a.answers["machine_mark"].choice == "yes"
    assert mark(a, "machine_mark") is not None and mark(a, "aftercare") is not None
    assert "person_name" not in a.answers
    # an unrelated answer keeps every mark; changing a default answer drops only its mark
    a.answers["person_name"] = Answer(text="Oma")
    a = store.save(a)
    assert set(a.prefilled) == {"machine_mark", "retention", "aftercare"}
    a.answers["machine_mark"] = Answer(choice="no")
    a = store.save(a)
    assert "machine_mark" not in store.get(a.id).prefilled
    assert mark(store.get(a.id), "aftercare") is not None
    # changing it back does not make it a default again: the user chose it
    a.answers["machine_mark"] = Answer(choice="yes")
    assert "machine_mark" not in store.save(a).prefilled


def test_templates_keep_what_is_not_personal(store: SqlStore) -> None:
    source = start(CHECKLIST, title="Funeral wave", language="en")
    source.answers.update({
        "medium": Answer(choices=[CHECKLIST.question("medium").options[0].id]),
        "person_name": Answer(text="Oma Erna"),
        "died": Answer(date=dt.date(2025, 1, 1)),
        "visible_label": Answer(choice=CHECKLIST.question("visible_label").options[0].id),
    })
    tpl = store.save_template(template_from(CHECKLIST, source, "funeral wave, no sound"))
    assert [t.name for t in store.templates()] == ["funeral wave, no sound"]
    got = store.template(tpl.id)
    assert set(got.answers) == {"medium", "visible_label"}
    begun = store.create(start(CHECKLIST, title="K-2", language="en", template=got))
    assert begun.answers["medium"] == source.answers["medium"]
    assert begun.prefilled["medium"].source == "template"
    assert "person_name" not in begun.answers
    store.delete_template(tpl.id)
    assert store.templates() == []
    with pytest.raises(NotFoundError):
        store.template(tpl.id)


def test_a_setting_written_by_a_newer_vigil_is_never_written_over(store: SqlStore, store_url: str) -> None:
    engine = create_engine(store_url)
    newer = {"maker": {"name": "x"}, "logo": None, "signature": "a field this version does not know"}
    with engine.begin() as conn:
        conn.execute(settings.insert().values(name="profile", revision=1, updated=dt.datetime.now(dt.UTC),
                                              document=newer))
    engine.dispose()
    with pytest.raises(UnreadableError):
        store.profile()
    with pytest.raises(UnreadableError):
        store.save_profile(MakerProfile(maker=Maker(name="y")))
    engine = create_engine(store_url)
    with engine.connect() as conn:
        doc = conn.execute(settings.select()).one().document
    engine.dispose()
    assert (doc if isinstance(doc, dict) else __import__("json").loads(doc)) == newer
