"""Property: any assessment the model accepts comes back from the store exactly as it went in."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vigil.models.assessment import (
    Answer,
    Assessment,
    ChecklistPin,
    Evidence,
    Meta,
    OpenItem,
    Person,
)
from vigil.store.sql import SqlStore

# Any text a person can type or paste: every script, marks, emoji; not lone surrogates (not UTF-8), not
# unassigned code points (refused by the model) and not
# NUL (refused on purpose, see test_contract).
text = st.text(st.characters(exclude_categories=("Cs", "Cn"), exclude_characters="\x00"), max_size=40)
ids = st.from_regex(r"[a-z][a-z0-9_]{0,15}", fullmatch=True)
dates = st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2200, 12, 31))
moments = st.datetimes(min_value=dt.datetime(1970, 1, 2), max_value=dt.datetime(2200, 1, 1),
                       timezones=st.just(dt.UTC))
numbers = st.floats(allow_nan=False, allow_infinity=False) | st.integers(-10**6, 10**6).map(float)

people = st.builds(Person, values=st.dictionaries(ids, st.none() | text, max_size=4))
evidence = st.builds(Evidence, file_name=text, sha256=st.from_regex(r"[0-9a-f]{64}", fullmatch=True),
                     date=st.none() | dates, description=text)
answers = st.one_of(
    st.builds(Answer, choice=ids),
    st.builds(Answer, choices=st.lists(ids, max_size=4, unique=True)),
    st.builds(Answer, text=text, note=text),
    st.builds(Answer, number=numbers),
    st.builds(Answer, date=dates),
    st.builds(Answer, people=st.lists(people, max_size=3)),
    st.builds(Answer, dont_know=st.just(True), note=text, evidence=st.lists(evidence, max_size=2)),
)
open_items = st.builds(OpenItem, question_id=ids, what=text, who=text, due=st.none() | dates,
                       done=st.booleans())
assessments = st.builds(
    Assessment,
    checklist=st.builds(ChecklistPin, id=ids, version=st.from_regex(r"[0-9]{4}\.[0-9]{1,2}", fullmatch=True)),
    meta=st.builds(Meta, title=text, assessor=text, language=st.sampled_from(["en", "de"]), created=moments,
                   updated=moments),
    answers=st.dictionaries(st.one_of(ids, text), answers, max_size=6),
    open_items=st.dictionaries(ids, open_items, max_size=3),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(original=assessments)
def test_any_assessment_round_trips_through_the_store(store: SqlStore, original: Assessment) -> None:
    created = store.create(original)
    expected = original.model_copy(update={"revision": 1, "meta": original.meta.model_copy(
        update={"updated": created.meta.updated})})
    assert created == expected
    assert store.get(original.id) == expected
    saved = store.save(created)
    assert saved.revision == 2
    assert store.get(original.id) == saved
    assert saved.model_copy(update={"revision": 1, "meta": created.meta}) == created
    assert [row.title for row in store.list() if row.id == original.id] == [original.meta.title]
