"""What the consent record says now: each person's own latest answer, each link's state, and the register as the
engine should read it (a person's own recorded answer counts over what the maker reported).

Pure: the plan snapshot and the time are passed in.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from vigil.models.assessment import Answer, Assessment, Person
from vigil.models.checklist import Checklist
from vigil.models.consent_record import ConsentRecord, EntryKind, PlanSnapshot, PlanValue, RecordedAnswer, Response
from vigil.visibility import visible_answers

STATEMENTS = ("person_name", "medium", "description", "new_words", "audience", "platforms", "commercial",
              "label", "provenance", "retention", "retention_date", "work_retention", "deletion", "withdrawal",
              "withdrawal_contact", "withdrawal_effect", "shared_copies")
"""The plan's parts, by the name of their binding in the checklist's ``documents`` section: the answers the plan
function (``vigil.render.plan``) states. An agreement is tied to their typed values."""


def _typed(answer: Answer | None) -> PlanValue:
    if answer is None or not answer.is_answered:
        return None
    if answer.choices:
        return sorted(answer.choices)
    if answer.choice:
        return answer.choice
    if answer.number is not None:
        return answer.number
    if answer.date is not None:
        return answer.date.isoformat()
    return (answer.text or "").strip() or None


def plan_snapshot(checklist: Checklist, assessment: Assessment, today: dt.date) -> PlanSnapshot:
    """The plan's statements as typed values (visible answers only)."""
    visible, answers = visible_answers(checklist, assessment.answers, today)
    shown = {q.id for q in visible}
    values: dict[str, PlanValue] = {}
    for sid in STATEMENTS:
        qid = getattr(checklist.documents, sid)
        if qid is not None:
            values[sid] = _typed(answers.get(qid)) if qid in shown else None
    return PlanSnapshot(statements=values)


class LinkState(StrEnum):
    active = "active"
    revoked = "revoked"
    expired = "expired"


class LinkInfo(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    person: str
    lang: str
    created: dt.datetime
    expires: dt.datetime | None
    revoked: dt.datetime | None = None
    in_person: bool = False

    def state(self, now: dt.datetime) -> LinkState:
        if self.revoked is not None:
            return LinkState.revoked
        if self.expires is not None and now >= self.expires:
            return LinkState.expired
        return LinkState.active


class OwnAnswer(BaseModel):
    """A person's latest answer in their own word (or their withdrawal)."""

    model_config = ConfigDict(frozen=True)

    person: str
    seq: int
    at: dt.datetime
    lang: str
    answer: RecordedAnswer | None
    """None when the latest entry is a withdrawal."""
    plan: PlanSnapshot | None
    changed: list[str]
    """Plan statements that changed since they answered (empty when the plan is the one they saw)."""

    @property
    def withdrawn(self) -> bool:
        return self.answer is None

    @property
    def for_earlier_plan(self) -> bool:
        return bool(self.changed)

    @property
    def signed_name(self) -> str:
        sig = self.answer.signature if self.answer is not None else None
        return sig.full_name if sig is not None else ""


def links(record: ConsentRecord) -> dict[str, LinkInfo]:
    """Every link (and in-person hand-over) by its id, in the order created."""
    out: dict[str, LinkInfo] = {}
    for e in record.entries:
        if e.kind in (EntryKind.link_created, EntryKind.handed_over) and e.link:
            out[e.link] = LinkInfo(id=e.link, person=e.person, lang=e.lang, created=e.at, expires=e.expires,
                                   in_person=e.kind == EntryKind.handed_over)
        elif e.kind == EntryKind.link_revoked and e.link in out:
            out[e.link] = out[e.link].model_copy(update={"revoked": e.at})
    return out


def own_answers(record: ConsentRecord, current: PlanSnapshot) -> dict[str, OwnAnswer]:
    """Each person's latest answer or withdrawal, compared with the current plan."""
    out: dict[str, OwnAnswer] = {}
    for e in record.entries:
        if e.kind == EntryKind.answer_recorded and e.answer is not None:
            changed = current.changed_since(e.plan) if e.plan is not None else []
            out[e.person] = OwnAnswer(person=e.person, seq=e.seq, at=e.at, lang=e.lang, answer=e.answer,
                                      plan=e.plan, changed=changed)
        elif e.kind == EntryKind.withdrawn:
            out[e.person] = OwnAnswer(person=e.person, seq=e.seq, at=e.at, lang=e.lang, answer=None, plan=e.plan,
                                      changed=[])
    return out


def position_of(own: OwnAnswer) -> str:
    """The register position a person's own answer means.

    An objection or a withdrawal is a refusal. An agreement given for an earlier plan counts as not yet given
    (undecided) until they agree again; so do "I need more time" and a question.
    """
    if own.answer is None or own.answer.response == Response.objects:
        return "objects"
    if own.answer.response in (Response.needs_time, Response.question) or own.for_earlier_plan:
        return "undecided"
    if own.answer.response == Response.agrees_in_part and set(own.answer.agreed) != set(own.answer.asked):
        return "agrees_in_part"
    return "agrees"


RECORDED_FIELD = "recorded"
"""The register field saying how a position was given, and its option for an agreement in writing, signed.
(Field ids of the shipped register; a checklist binding for them would be cleaner.)"""
WRITTEN = "written"


def public_or_commercial(checklist: Checklist, answers: dict[str, Answer]) -> bool:
    """The plan shares it beyond the family or someone earns money from it (as far as the answers say)."""
    b = checklist.documents
    audience = answers.get(b.audience or "")
    chosen = (audience.choices or ([audience.choice] if audience.choice else [])) \
        if audience is not None and audience.is_answered else []
    beyond = any(c not in b.meanings.private_audience for c in chosen)
    commercial = answers.get(b.commercial or "")
    return beyond or (commercial is not None and commercial.is_answered and commercial.choice == "yes")


def with_own_answers(checklist: Checklist, assessment: Assessment, current: PlanSnapshot,
                     effective: dict[str, Answer] | None = None) -> Assessment:
    """The assessment with each person's register row as the engine should read it.

    - A person's own recorded answer counts over what the maker reported (``position_of``).
    - For a public or commercial plan, an agreement the maker only reports (not in the person's own word through
      Vigil, and not given in writing and signed) counts as not yet given (``undecided``): someone else, the
      person, must still confirm it. See checklists/README.md, "The family's own word".

    The maker's reported values stay in the stored draft; this copy is only evaluated. A position the register
    does not offer (``agrees_in_part`` in an older checklist) is read as ``agrees`` with the items in the scope.
    """
    b = checklist.documents
    if not b.people or not b.people_position_field:
        return assessment
    answer = assessment.answers.get(b.people)
    if answer is None or not answer.people:
        return assessment
    own = own_answers(assessment.consent_record, current)
    strict = public_or_commercial(checklist, effective if effective is not None else assessment.answers)
    if not own and not strict:
        return assessment
    register = next((q for q in checklist.questions() if q.id == b.people), None)
    fields = {f.id: f for f in register.fields} if register is not None else {}
    position_field = fields.get(b.people_position_field)
    offered = {o.id for o in position_field.options} if position_field is not None else set()
    agreed_options = set(b.people_agreed_options)
    people: list[Person] = []
    changed = False
    for person in answer.people:
        mine = own.get(person.id)
        values = dict(person.values)
        if mine is None:
            reported = values.get(b.people_position_field)
            if strict and reported in (agreed_options | {"agrees", "agrees_in_part"}) \
                    and values.get(RECORDED_FIELD) != WRITTEN and "undecided" in offered:
                values[b.people_position_field] = "undecided"
                people.append(person.model_copy(update={"values": values}))
                changed = True
            else:
                people.append(person)
            continue
        position = position_of(mine)
        if position not in offered and position == "agrees_in_part":
            position = "agrees"
        values[b.people_position_field] = position
        if "scope" in fields and mine.answer is not None and position in ("agrees", "agrees_in_part"):
            values["scope"] = ", ".join(mine.answer.agreed)
        recorded_field = fields.get(RECORDED_FIELD)
        if recorded_field is not None and WRITTEN in {o.id for o in recorded_field.options}:
            values[RECORDED_FIELD] = WRITTEN
        if "date" in fields:
            values["date"] = mine.at.date().isoformat()
        people.append(person.model_copy(update={"values": values}))
        changed = True
    if not changed:
        return assessment
    answers = dict(assessment.answers)
    answers[b.people] = answer.model_copy(update={"people": people})
    return assessment.model_copy(update={"answers": answers})


def read_with_own_answers(checklist: Checklist, assessment: Assessment, today: dt.date) -> Assessment:
    """``with_own_answers`` against the plan as it is ``today``: what ``engine.evaluate`` reads."""
    _, effective = visible_answers(checklist, assessment.answers, today)
    return with_own_answers(checklist, assessment, plan_snapshot(checklist, assessment, today), effective)
