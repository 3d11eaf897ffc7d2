"""The consent record's hash chain: any altered, removed, inserted or reordered entry is named."""

from __future__ import annotations

import datetime as dt

import pytest

from vigil.models.consent_record import (
    GENESIS,
    MAKER,
    Anchor,
    ConsentEntry,
    ConsentRecord,
    EntryKind,
    PlanSnapshot,
    RecordedAnswer,
    Response,
    Signature,
    append,
    merge,
    verify,
)

T0 = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
PLAN = PlanSnapshot(statements={"audience": "family_only", "new_words": "no", "platforms": ["private_link"]})


def chain(n: int = 4) -> ConsentRecord:
    record = ConsentRecord()
    record = append(record, at=T0, who=MAKER, person="p1", kind=EntryKind.link_created, link="L1",
                    expires=T0 + dt.timedelta(days=14))
    for i in range(1, n):
        record = append(
            record, at=T0 + dt.timedelta(hours=i), who="p1", person="p1", kind=EntryKind.answer_recorded,
            lang="de", shown_text=f"Der Plan, Fassung {i} „…“ 张", plan=PLAN,
            answer=RecordedAnswer(response=Response.agrees_in_part, asked=["likeness", "voice"],
                                  agreed=["likeness"], signature=Signature(full_name="Anna Körtge",
                                                                          declaration=True)))
    return record


def with_entries(record: ConsentRecord, entries: list[ConsentEntry]) -> ConsentRecord:
    return record.model_copy(update={"entries": entries})


def test_an_untouched_chain_verifies_and_links_each_entry_to_the_one_before() -> None:
    record = chain()
    assert verify(record) is None
    assert record.entries[0].prev == GENESIS
    assert [e.prev for e in record.entries[1:]] == [e.hash for e in record.entries[:-1]]
    assert [e.seq for e in record.entries] == [1, 2, 3, 4]


def test_the_chain_survives_a_json_round_trip() -> None:
    record = chain()
    again = ConsentRecord.model_validate_json(record.model_dump_json())
    assert verify(again) is None
    assert again == record


@pytest.mark.parametrize("position", [0, 1, 3])
def test_an_altered_entry_is_named(position: int) -> None:
    record = chain()
    entries = list(record.entries)
    entries[position] = entries[position].model_copy(update={"at": entries[position].at + dt.timedelta(minutes=1)})
    problem = verify(with_entries(record, entries))
    assert problem is not None
    assert (problem.seq, problem.reason) == (position + 1, "altered")


def test_an_altered_answer_inside_an_entry_is_named() -> None:
    record = chain()
    entries = list(record.entries)
    answer = entries[2].answer
    assert answer is not None
    entries[2] = entries[2].model_copy(update={"answer": answer.model_copy(update={"agreed": ["likeness", "voice"]})})
    problem = verify(with_entries(record, entries))
    assert problem is not None and problem.seq == 3 and problem.reason == "altered"
    assert "entry 3" in problem.describe()


def test_a_removed_entry_is_named() -> None:
    record = chain()
    problem = verify(with_entries(record, [record.entries[0], *record.entries[2:]]))
    assert problem is not None and (problem.seq, problem.reason) == (2, "out_of_order")


def test_reordered_entries_are_named() -> None:
    record = chain()
    e = record.entries
    problem = verify(with_entries(record, [e[0], e[2], e[1], e[3]]))
    assert problem is not None and (problem.seq, problem.reason) == (2, "out_of_order")


def test_a_rewritten_entry_with_a_fresh_hash_still_breaks_the_next_link() -> None:
    record = chain()
    entries = list(record.entries)
    forged = entries[1].model_copy(update={"lang": "en"})
    entries[1] = forged.model_copy(update={"hash": forged.computed_hash()})
    problem = verify(with_entries(record, entries))
    assert problem is not None and (problem.seq, problem.reason) == (3, "out_of_order")


def test_entries_cut_from_the_end_are_caught_by_the_anchor_only() -> None:
    record = chain()
    anchor = Anchor(count=len(record.entries), head=record.head)
    shorter = with_entries(record, record.entries[:2])
    assert verify(shorter) is None  # a chain alone cannot know its own end
    problem = verify(shorter, anchor)
    assert problem is not None and (problem.seq, problem.reason) == (3, "removed_at_end")
    assert verify(record, anchor) is None


def test_a_plan_changed_inside_an_entry_is_named_even_with_a_fresh_hash() -> None:
    record = chain()
    entries = list(record.entries)
    forged = entries[3].model_copy(update={"plan": PlanSnapshot(statements={"audience": "public"})})
    entries[3] = forged.model_copy(update={"hash": forged.computed_hash()})
    problem = verify(with_entries(record, entries))
    assert problem is not None and (problem.seq, problem.reason) == (4, "plan_mismatch")


def test_the_text_shown_is_kept_by_its_hash_and_checked() -> None:
    record = chain(2)
    sha = record.entries[1].shown_sha256
    assert sha is not None and record.texts[sha].startswith("Der Plan")
    tampered = record.model_copy(update={"texts": {sha: "Ein anderer Plan"}})
    problem = verify(tampered)
    assert problem is not None and (problem.seq, problem.reason) == (2, "text_mismatch")


def test_a_plan_fingerprint_is_language_free_and_names_what_changed() -> None:
    later = PlanSnapshot(statements={"audience": "public", "new_words": "no", "commercial": "yes"})
    assert PLAN.fingerprint != later.fingerprint
    assert PlanSnapshot(statements=dict(reversed(PLAN.statements.items()))).fingerprint == PLAN.fingerprint
    assert later.changed_since(PLAN) == ["audience", "commercial", "platforms"]


def test_a_signature_needs_a_name_and_the_declaration() -> None:
    with pytest.raises(ValueError):
        Signature(full_name=" ", declaration=True)
    with pytest.raises(ValueError):
        Signature.model_validate({"full_name": "Anna", "declaration": False})


def test_two_copies_that_grew_apart_merge_without_losing_an_entry() -> None:
    base = chain(2)
    theirs = append(base, at=T0 + dt.timedelta(days=1), who="p1", person="p1", kind=EntryKind.withdrawn)
    mine = append(base, at=T0 + dt.timedelta(days=2), who=MAKER, person="p1", kind=EntryKind.link_revoked,
                  link="L1")
    merged = merge(theirs, mine)
    assert verify(merged) is None
    assert [e.kind for e in merged.entries][-2:] == [EntryKind.withdrawn, EntryKind.link_revoked]
    assert merge(theirs, base) == theirs and merge(base, theirs) == theirs
