"""The consent record: every link, answer and withdrawal of an assessment, in a hash chain no one can quietly change.

Each entry holds the SHA-256 of the entry before it (``prev``) and its own hash (``hash``), taken of the entry's
canonical JSON form (RFC 8785, the JSON Canonicalization Scheme) without the ``hash`` field. An entry that is
altered, removed or moved breaks the chain at that place; ``verify`` names the first bad entry. Removing entries
from the END of a chain leaves a valid shorter chain: that is caught by comparing with an anchor kept elsewhere
(the head the store keeps beside the document, or the entry hash printed on a relative's receipt).

Pure: no clock, no files. Times are passed in.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from enum import StrEnum
from typing import Annotated, Any, Literal

import rfc8785
from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from vigil.models.common import LongText, Sha256, ShortText

GENESIS = "0" * 64
"""The ``prev`` of the first entry."""

MAKER = "maker"
"""``who`` for an entry made by the maker (a link created or revoked, the device handed over)."""

PlanValue = str | list[str] | float | None
"""A plan statement's typed value: a choice id, a list of choice ids, a text, a number; None = not yet decided."""

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=200)]


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class EntryKind(StrEnum):
    link_created = "link_created"
    link_revoked = "link_revoked"
    handed_over = "handed_over"
    """The maker opened the person's page on their own screen and handed the device over."""
    answer_recorded = "answer_recorded"
    withdrawn = "withdrawn"


class Response(StrEnum):
    agrees = "agrees"
    """Agrees to every item asked."""
    agrees_in_part = "agrees_in_part"
    """Agrees to the items ticked, not to the others."""
    objects = "objects"
    needs_time = "needs_time"
    question = "question"


class PlanSnapshot(_Data):
    """The plan as the person saw it: each statement's typed value by statement id (language-free)."""

    statements: dict[str, PlanValue]

    @property
    def fingerprint(self) -> str:
        return hashlib.sha256(rfc8785.dumps(self.model_dump(mode="json"))).hexdigest()

    def changed_since(self, earlier: PlanSnapshot) -> list[str]:
        """The statement ids whose value differs from ``earlier`` (added and removed ones included), sorted."""
        keys = self.statements.keys() | earlier.statements.keys()
        return sorted(k for k in keys if self.statements.get(k) != earlier.statements.get(k))


class Signature(_Data):
    """A simple electronic signature: the full name typed by the person and the declaration ticked."""

    full_name: Name
    declaration: Literal[True]


class RecordedAnswer(_Data):
    response: Response
    asked: list[str]
    """The items the person was asked to agree to, in the order shown."""
    agreed: list[str] = Field(default_factory=list)
    """The items they agreed to (all of ``asked`` for ``agrees``; none for an objection)."""
    question: ShortText = ""
    signature: Signature | None = None
    channel: Literal["link", "in_person"] = "link"


class ConsentEntry(_Data):
    seq: int = Field(ge=1)
    at: dt.datetime
    who: str
    """The register person id of whoever acted, or ``"maker"``."""
    person: str
    """The register person id the entry is about."""
    kind: EntryKind
    lang: str = ""
    shown_sha256: Sha256 | None = None
    """SHA-256 of the exact text shown to the person (kept in ``ConsentRecord.texts``)."""
    plan: PlanSnapshot | None = None
    plan_fingerprint: Sha256 | None = None
    link: str | None = None
    """The link's public id (never its token)."""
    expires: dt.datetime | None = None
    answer: RecordedAnswer | None = None
    prev: Sha256
    hash: Sha256

    def computed_hash(self) -> str:
        return entry_hash(self.model_dump(mode="json", exclude={"hash"}))


def entry_hash(content: dict[str, Any]) -> str:
    """SHA-256 of the canonical JSON (RFC 8785) of an entry's JSON form without its ``hash``."""
    return hashlib.sha256(rfc8785.dumps(content)).hexdigest()


class ConsentRecord(_Data):
    """Append-only: change it only with ``append``."""

    entries: list[ConsentEntry] = Field(default_factory=list)
    texts: dict[Sha256, LongText] = Field(default_factory=dict)
    """The exact texts shown, by their SHA-256 (outside the chain; each checks itself by its hash)."""

    @property
    def head(self) -> str:
        return self.entries[-1].hash if self.entries else GENESIS


class ChainProblem(_Data):
    seq: int
    """The 1-based position of the first bad entry (one past the end when entries are missing at the end)."""
    reason: Literal["altered", "out_of_order", "removed_at_end", "plan_mismatch", "text_mismatch"]

    def describe(self) -> str:
        return {
            "altered": f"entry {self.seq} was changed after it was written (its hash does not match its content)",
            "out_of_order": f"entry {self.seq} does not follow the entry before it "
                            "(an entry was removed, inserted or moved)",
            "removed_at_end": f"entries from {self.seq} on were removed (the chain is shorter than its anchor)",
            "plan_mismatch": f"entry {self.seq}: its plan fingerprint does not match the plan it carries",
            "text_mismatch": f"entry {self.seq}: the text kept for it is not the text whose hash it carries",
        }[self.reason]


class Anchor(_Data):
    """The head of a chain as kept elsewhere: how many entries and the hash of the last."""

    count: int
    head: Sha256


def append(record: ConsentRecord, *, at: dt.datetime, who: str, person: str, kind: EntryKind,
           lang: str = "", shown_text: str | None = None, plan: PlanSnapshot | None = None,
           link: str | None = None, expires: dt.datetime | None = None,
           answer: RecordedAnswer | None = None) -> ConsentRecord:
    """A new record with one entry more (the given one is not changed)."""
    content: dict[str, object] = {
        "seq": len(record.entries) + 1,
        "at": at,
        "who": who,
        "person": person,
        "kind": kind,
        "lang": lang,
        "shown_sha256": sha256_text(shown_text) if shown_text is not None else None,
        "plan": plan,
        "plan_fingerprint": plan.fingerprint if plan is not None else None,
        "link": link,
        "expires": expires,
        "answer": answer,
        "prev": record.head,
        "hash": GENESIS,
    }
    draft = ConsentEntry.model_validate(content)
    entry = draft.model_copy(update={"hash": draft.computed_hash()})
    texts = dict(record.texts)
    if shown_text is not None:
        texts[sha256_text(shown_text)] = shown_text
    return ConsentRecord(entries=[*record.entries, entry], texts=texts)


def verify(record: ConsentRecord, anchor: Anchor | None = None) -> ChainProblem | None:
    """The first bad entry, or None when the chain is intact (and reaches the anchor, if one is given)."""
    prev = GENESIS
    for position, entry in enumerate(record.entries, start=1):
        if entry.computed_hash() != entry.hash:
            return ChainProblem(seq=position, reason="altered")
        if entry.seq != position or entry.prev != prev:
            return ChainProblem(seq=position, reason="out_of_order")
        if entry.plan is not None and entry.plan.fingerprint != entry.plan_fingerprint:
            return ChainProblem(seq=position, reason="plan_mismatch")
        if entry.shown_sha256 is not None and entry.shown_sha256 in record.texts \
                and sha256_text(record.texts[entry.shown_sha256]) != entry.shown_sha256:
            return ChainProblem(seq=position, reason="text_mismatch")
        prev = entry.hash
    if anchor is not None:
        count = len(record.entries)
        if count < anchor.count:
            return ChainProblem(seq=count + 1, reason="removed_at_end")
        if anchor.count and record.entries[anchor.count - 1].hash != anchor.head:
            return ChainProblem(seq=anchor.count, reason="altered")
    return None


def merge(theirs: ConsentRecord, mine: ConsentRecord) -> ConsentRecord:
    """One record from two copies of the same record that grew apart (a relative answered while the maker's
    tab held an older copy): their entries stay as they are, mine that they lack are appended after them."""
    common = 0
    for a, b in zip(theirs.entries, mine.entries, strict=False):
        if a.hash != b.hash:
            break
        common += 1
    record = theirs
    for e in mine.entries[common:]:
        text = mine.texts.get(e.shown_sha256) if e.shown_sha256 else None
        record = append(record, at=e.at, who=e.who, person=e.person, kind=e.kind, lang=e.lang, shown_text=text,
                        plan=e.plan, link=e.link, expires=e.expires, answer=e.answer)
    return record
