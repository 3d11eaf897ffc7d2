"""What the maker and a relative can do to an assessment's consent record: each returns the assessment with one
entry more. The same functions serve the app, the example script and the tests. The time is passed in.

A link's token is made here and returned once: the record keeps only the link's public id, the link index keeps
only the token's SHA-256 (``vigil.store.links``). Nobody, the maker included, can read a token back later.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from vigil.consent_plan import PageText, page_text
from vigil.consent_state import LinkInfo, LinkState, links, plan_snapshot
from vigil.models.assessment import Assessment, new_id
from vigil.models.checklist import Checklist
from vigil.models.consent_record import MAKER, EntryKind, RecordedAnswer, append

TOKEN_BYTES = 32
"""256 bits of randomness per link token (at least 128 are asked for)."""


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class ConsentActionError(ValueError):
    """The action cannot be done (an unknown person or link, a link no longer valid)."""


def _people_ids(checklist: Checklist, assessment: Assessment) -> set[str]:
    answer = assessment.answers.get(checklist.documents.people or "")
    return {p.id for p in (answer.people or [])} if answer is not None else set()


def _with_record(assessment: Assessment, **entry: object) -> Assessment:
    record = append(assessment.consent_record, **entry)  # type: ignore[arg-type]
    return assessment.model_copy(update={"consent_record": record})


def create_link(checklist: Checklist, assessment: Assessment, person: str, lang: str, expires: dt.datetime,
                now: dt.datetime) -> tuple[Assessment, str, str]:
    """A new private link for ``person``: (the assessment, the link id, the token to send, shown once)."""
    if person not in _people_ids(checklist, assessment):
        raise ConsentActionError("no such person in the register")
    if expires <= now:
        raise ConsentActionError("the expiry must be in the future")
    link = new_id()
    updated = _with_record(assessment, at=now, who=MAKER, person=person, kind=EntryKind.link_created,
                           lang=lang, link=link, expires=expires)
    return updated, link, new_token()


def hand_over(checklist: Checklist, assessment: Assessment, person: str, lang: str,
              now: dt.datetime) -> tuple[Assessment, str]:
    """The maker opens ``person``'s page on their own screen: (the assessment, the hand-over's link id)."""
    if person not in _people_ids(checklist, assessment):
        raise ConsentActionError("no such person in the register")
    link = new_id()
    updated = _with_record(assessment, at=now, who=MAKER, person=person, kind=EntryKind.handed_over, lang=lang,
                           link=link, expires=now + dt.timedelta(hours=2))
    return updated, link


def revoke_link(assessment: Assessment, link: str, now: dt.datetime) -> Assessment:
    info = links(assessment.consent_record).get(link)
    if info is None:
        raise ConsentActionError("no such link")
    if info.revoked is not None:
        return assessment
    return _with_record(assessment, at=now, who=MAKER, person=info.person, kind=EntryKind.link_revoked, link=link)


def usable_link(assessment: Assessment, link: str, now: dt.datetime) -> LinkInfo:
    """The link if it may be used now; raises ``ConsentActionError`` naming its state otherwise."""
    info = links(assessment.consent_record).get(link)
    if info is None:
        raise ConsentActionError("unknown")
    state = info.state(now)
    if state != LinkState.active:
        raise ConsentActionError(state.value)
    return info


def record_answer(checklist: Checklist, assessment: Assessment, link: str, answer: RecordedAnswer,
                  shown: PageText, now: dt.datetime) -> Assessment:
    """The person's own answer, given through ``link``, tied to the plan and the exact text they were shown.

    ``shown`` is the text their page drew; if the plan has changed since, nothing is recorded
    (``ConsentActionError("plan_changed")``) and the page shows the new plan.
    """
    info = usable_link(assessment, link, now)
    if shown != page_text(checklist, assessment, info.lang, now.date()):
        raise ConsentActionError("plan_changed")
    asked = [item.id for item in shown.items]
    if answer.asked != asked or not set(answer.agreed) <= set(asked):
        raise ConsentActionError("the answer does not fit the items shown")
    if info.in_person:
        answer = answer.model_copy(update={"channel": "in_person"})
    return _with_record(assessment, at=now, who=info.person, person=info.person, kind=EntryKind.answer_recorded,
                        lang=info.lang, shown_text=shown.as_text(), plan=plan_snapshot(checklist, assessment,
                                                                                       now.date()),
                        link=link, answer=answer)


def withdraw(checklist: Checklist, assessment: Assessment, link: str, now: dt.datetime) -> Assessment:
    info = usable_link(assessment, link, now)
    return _with_record(assessment, at=now, who=info.person, person=info.person, kind=EntryKind.withdrawn,
                        lang=info.lang, plan=plan_snapshot(checklist, assessment, now.date()), link=link)
