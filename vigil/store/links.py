"""The link index: which assessment and person a private link's token opens, found by the token's SHA-256 only.

Beside it, the head of each assessment's consent record (how many entries, the last one's hash), updated with
every appended entry: entries cut from the end of a record in the database are caught against it.

Its tables (``consent_links``, ``consent_heads``) are part of the store's schema (``vigil.store.schema``,
migration 0004).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Connection, Engine

from vigil.models.consent_record import Anchor
from vigil.store.schema import consent_heads, consent_links


@dataclass(frozen=True)
class LinkTarget:
    assessment_id: str
    person_id: str
    link_id: str


def forget(conn: Connection, assessment_id: str) -> None:
    """Remove an assessment's links and record head (inside the caller's transaction: the store's delete)."""
    conn.execute(delete(consent_links).where(consent_links.c.assessment_id == assessment_id))
    conn.execute(delete(consent_heads).where(consent_heads.c.assessment_id == assessment_id))


class LinkIndex:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def _ensure(self) -> None:
        """The tables come with the store's schema (migration 0004)."""

    def add(self, token_sha256: str, target: LinkTarget, now: dt.datetime) -> None:
        self._ensure()
        with self._engine.begin() as conn:
            conn.execute(insert(consent_links).values(
                token_sha256=token_sha256, assessment_id=target.assessment_id, person_id=target.person_id,
                link_id=target.link_id, created=now))

    def find(self, token_sha256: str) -> LinkTarget | None:
        self._ensure()
        query = select(consent_links.c.assessment_id, consent_links.c.person_id, consent_links.c.link_id).where(
            consent_links.c.token_sha256 == token_sha256)
        with self._engine.connect() as conn:
            row = conn.execute(query).one_or_none()
        return LinkTarget(row[0], row[1], row[2]) if row is not None else None

    def forget_assessment(self, assessment_id: str) -> None:
        """When an assessment is deleted, its links open nothing any more."""
        self._ensure()
        with self._engine.begin() as conn:
            forget(conn, assessment_id)

    def anchor(self, assessment_id: str) -> Anchor | None:
        self._ensure()
        query = select(consent_heads.c.count, consent_heads.c.head).where(
            consent_heads.c.assessment_id == assessment_id)
        with self._engine.connect() as conn:
            row = conn.execute(query).one_or_none()
        return Anchor(count=row[0], head=row[1]) if row is not None else None

    def set_anchor(self, assessment_id: str, anchor: Anchor) -> None:
        """Move the head forward (never back: a shorter record does not lower it)."""
        self._ensure()
        with self._engine.begin() as conn:
            current = conn.execute(select(consent_heads.c.count).where(
                consent_heads.c.assessment_id == assessment_id)).scalar_one_or_none()
            if current is None:
                conn.execute(insert(consent_heads).values(assessment_id=assessment_id, count=anchor.count,
                                                          head=anchor.head))
            elif anchor.count >= current:
                conn.execute(update(consent_heads).where(consent_heads.c.assessment_id == assessment_id).values(
                    count=anchor.count, head=anchor.head))
