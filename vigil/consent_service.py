"""Issuing a link where it is kept: the record entry saved with the assessment, the token's hash in the link
index, the record's head beside it. Used by the maker's screen and by the example script alike."""

from __future__ import annotations

import datetime as dt

from vigil.consent_actions import create_link, token_hash
from vigil.models.assessment import Assessment
from vigil.models.checklist import Checklist
from vigil.models.consent_record import Anchor
from vigil.store import AssessmentStore
from vigil.store.links import LinkIndex, LinkTarget


def remember(index: LinkIndex, stored: Assessment) -> None:
    """Move the record's head in the index to the stored record's last entry."""
    record = stored.consent_record
    if record.entries:
        index.set_anchor(stored.id, Anchor(count=len(record.entries), head=record.head))


def issue_link(store: AssessmentStore, index: LinkIndex, checklist: Checklist, assessment: Assessment,
               person: str, lang: str, expires: dt.datetime, now: dt.datetime) -> tuple[Assessment, str]:
    """Create, save and index a private link: (the stored assessment, the token to send, shown once)."""
    updated, link, token = create_link(checklist, assessment, person, lang, expires, now)
    stored = store.save(updated)
    index.add(token_hash(token), LinkTarget(stored.id, person, link), now)
    remember(index, stored)
    return stored, token
