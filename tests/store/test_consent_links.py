"""The consent link index and record heads on SQLite and PostgreSQL; a record changed in the database is caught."""

from __future__ import annotations

import json

from sqlalchemy import text

from tests.consent.test_actions import NOW, WEEK, _answer, _scenario
from vigil.consent_actions import record_answer, token_hash
from vigil.consent_service import issue_link, remember
from vigil.models.assessment import Assessment, new_id
from vigil.models.checklist import Checklist
from vigil.models.consent_record import Response, verify
from vigil.store.links import LinkIndex, LinkTarget
from vigil.store.sql import SqlStore


def _linked(store: SqlStore) -> tuple[Assessment, Checklist, LinkIndex, str, str]:
    """A stored scenario with a German link issued to its first relative: (stored, checklist, index, person, token)."""
    a, checklist = _scenario()
    index = LinkIndex(store.engine)
    stored = store.create(a)
    person = (stored.answers["people"].people or [])[0].id
    stored, token = issue_link(store, index, checklist, stored, person, "de", WEEK, NOW)
    return stored, checklist, index, person, token


def test_links_and_heads_round_trip_and_tampering_is_caught(store: SqlStore) -> None:
    stored, checklist, index, person, token = _linked(store)
    target = index.find(token_hash(token))
    assert target is not None and target == LinkTarget(stored.id, person, stored.consent_record.entries[0].link)
    answer, shown = _answer(checklist, stored, Response.objects, agreed=[], lang="de")
    stored = store.save(record_answer(checklist, stored, target.link_id, answer, shown, NOW))  # type: ignore[arg-type]
    remember(index, stored)
    assert verify(store.get(stored.id).consent_record, index.anchor(stored.id)) is None

    # someone edits the stored document: the answer's entry is changed, or the last entry is cut off
    with store.engine.begin() as conn:
        raw = conn.execute(text("SELECT document FROM assessments WHERE id = :id"), {"id": stored.id}).scalar_one()
        doc = raw if isinstance(raw, dict) else json.loads(raw)
        changed = json.loads(json.dumps(doc))
        changed["consent_record"]["entries"][1]["answer"]["response"] = "agrees"
        conn.execute(text("UPDATE assessments SET document = :d WHERE id = :id"),
                     {"d": json.dumps(changed), "id": stored.id})
    problem = verify(store.get(stored.id).consent_record, index.anchor(stored.id))
    assert problem is not None and (problem.seq, problem.reason) == (2, "altered")
    with store.engine.begin() as conn:
        cut = json.loads(json.dumps(doc))
        cut["consent_record"]["entries"] = cut["consent_record"]["entries"][:1]
        conn.execute(text("UPDATE assessments SET document = :d WHERE id = :id"),
                     {"d": json.dumps(cut), "id": stored.id})
    problem = verify(store.get(stored.id).consent_record, index.anchor(stored.id))
    assert problem is not None and (problem.seq, problem.reason) == (2, "removed_at_end")
    index.forget_assessment(stored.id)
    assert index.find(token_hash(token)) is None


def test_deleting_an_assessment_removes_its_links_and_head(store: SqlStore) -> None:
    stored, checklist, index, person, token = _linked(store)
    remember(index, stored)
    again = _scenario()[0].model_copy(update={"id": new_id()})
    _, other_token = issue_link(store, index, checklist, store.create(again), person, "en", WEEK, NOW)
    assert index.find(token_hash(token)) is not None and index.anchor(stored.id) is not None
    store.delete(stored.id)
    assert index.find(token_hash(token)) is None
    assert index.anchor(stored.id) is None
    assert index.find(token_hash(other_token)) is not None  # another assessment's link still opens
