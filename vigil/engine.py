"""The assessment engine: pure functions from (checklist, assessment, today) to an ``Evaluation``.

No Streamlit, no files, no clock: the caller passes ``today``. Answers to questions that are hidden by the
current answers stay in the assessment but count nowhere here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from vigil.consent import derive
from vigil.consent_findings import consent_findings
from vigil.consent_state import read_with_own_answers
from vigil.duty_findings import duty_findings, superseded
from vigil.models import kinds
from vigil.models.assessment import Answer, Assessment
from vigil.models.checklist import Checklist, Question
from vigil.models.common import Severity, VerdictId
from vigil.models.conditions import holds, references
from vigil.models.message import message
from vigil.models.results import (
    DimensionResult,
    DimensionStatus,
    Evaluation,
    Finding,
    OpenItemView,
    Progress,
    SectionResult,
    SectionState,
    Verdict,
)
from vigil.visibility import visible_answers


def _responded(question: Question, answer: Answer | None) -> bool:
    """Answered, or marked "don't know". A people register counts once every person in it has the fields the
    register requires (a row added and left blank is not an answer)."""
    return kinds.responded(question, answer)


def _rule_findings(checklist: Checklist, effective: Mapping[str, Answer], today: dt.date) -> list[Finding]:
    return [
        Finding(
            id=rule.id,
            origin="rule",
            severity=rule.severity,
            dimension=rule.dimension,
            message=rule.message,
            action=rule.action,
            sources=list(rule.sources),
            examples=list(rule.examples),
        )
        for rule in checklist.rules
        if holds(rule.when, effective, today)
    ]


def _unknown_findings(visible: list[Question], effective: Mapping[str, Answer]) -> list[Finding]:
    return [
        Finding(
            id=f"unknown.{q.id}",
            origin="unknown",
            severity=q.unknown_severity,
            dimension=q.dimension,
            message=message("finding.unknown.message", question=q.text),
            action=message("finding.unknown.action"),
            sources=list(q.sources),
            question_ids=[q.id],
        )
        for q in visible
        if q.id in effective and effective[q.id].dont_know
    ]


def _open_items(checklist: Checklist, assessment: Assessment, visible: list[Question],
                effective: Mapping[str, Answer]) -> list[OpenItemView]:
    items: list[OpenItemView] = []
    for q in visible:
        answer = effective.get(q.id)
        if answer is None or not answer.dont_know:
            continue
        stored = assessment.open_items.get(q.id)
        items.append(
            OpenItemView(
                question_id=q.id,
                section_id=checklist.section_of(q.id).id,
                dimension=q.dimension,
                question=q.text,
                what=stored.what if stored else "",
                who=stored.who if stored else "",
                due=stored.due if stored else None,
                done=stored.done if stored else False,
            )
        )
    return items


def _worst(findings: list[Finding]) -> Severity | None:
    ranked = [f.severity for f in findings if f.severity != Severity.info]
    return max(ranked, key=lambda s: s.rank) if ranked else None


def _dimension_results(checklist: Checklist, visible: list[Question], effective: Mapping[str, Answer],
                       findings: list[Finding]) -> list[DimensionResult]:
    results = []
    for dim in checklist.dimensions:
        qs = [q for q in visible if q.dimension == dim.id]
        required = [q for q in qs if q.required]
        answered = sum(1 for q in required if _responded(q, effective.get(q.id)))
        mine = [f for f in findings if f.dimension == dim.id]
        worst = _worst(mine)
        if worst is not None:
            status = DimensionStatus(VerdictId.for_severity(worst).value)
        elif not qs:
            status = DimensionStatus.not_applicable
        elif answered < len(required):
            status = DimensionStatus.incomplete
        else:
            status = DimensionStatus.ready
        results.append(
            DimensionResult(id=dim.id, status=status, answered=answered, required=len(required),
                            findings=len(mine))
        )
    return results


def _section_results(checklist: Checklist, visible: list[Question], effective: Mapping[str, Answer],
                     findings: list[Finding]) -> list[SectionResult]:
    visible_ids = {q.id for q in visible}
    concern_questions = {
        qid
        for f in findings
        if f.severity != Severity.info and f.origin != "incomplete"
        for qid in f.question_ids
    }
    out = []
    for section in checklist.sections:
        qs = [q for q in section.questions if q.id in visible_ids]
        if not qs:
            continue
        given = [effective.get(q.id) for q in qs]
        started = any(a is not None and (a.has_value or a.dont_know) for a in given)
        required = [q for q in qs if q.required]
        if any(q.id in concern_questions for q in qs):
            state = SectionState.has_concerns
        elif not started:
            state = SectionState.not_started
        elif all(_responded(q, effective.get(q.id)) for q in required):
            state = SectionState.complete
        else:
            state = SectionState.in_progress
        out.append(SectionResult(id=section.id, state=state, visible_questions=[q.id for q in qs]))
    return out


def _rule_question_ids(checklist: Checklist, finding: Finding) -> list[str]:
    """The visible questions a rule's condition names, so a section can show it has a concern."""
    rule = next((r for r in checklist.rules if r.id == finding.id), None)
    if rule is None:
        return []
    return sorted({ref.question for ref in references(rule.when)})


def evaluate(checklist: Checklist, assessment: Assessment, today: dt.date) -> Evaluation:
    """Evaluate an assessment against its checklist as of ``today``.

    A person's own answer in the consent record counts over what the maker reported for them.
    """
    assessment = read_with_own_answers(checklist, assessment, today)
    visible, effective = visible_answers(checklist, assessment.answers, today)
    rule_findings = [
        f.model_copy(update={"question_ids": _rule_question_ids(checklist, f)})
        for f in _rule_findings(checklist, effective, today)
    ]
    law = derive(checklist, effective, today)
    law_findings = consent_findings(checklist, law) + duty_findings(checklist, effective, today)
    gone = superseded(checklist, law_findings)
    findings = [f for f in rule_findings if f.id not in gone] + law_findings + _unknown_findings(visible, effective)

    required = [q for q in visible if q.required]
    answered = sum(1 for q in required if _responded(q, effective.get(q.id)))
    progress = Progress(answered=answered, required=len(required))
    missing = progress.required - progress.answered
    if missing > 0:
        findings.append(
            Finding(
                id="incomplete",
                origin="incomplete",
                severity=Severity.serious,
                dimension=None,
                message=message("finding.incomplete.message", count=missing),
                action=message("finding.incomplete.action"),
                question_ids=[q.id for q in required if not _responded(q, effective.get(q.id))],
            )
        )
    dimension_order = {d.id: i for i, d in enumerate(checklist.dimensions)}
    findings.sort(key=lambda f: (-f.severity.rank, dimension_order.get(f.dimension or "", len(dimension_order))))

    worst = _worst(findings)
    verdict_id = VerdictId.ready if worst is None else VerdictId.for_severity(worst)
    reasons = [f for f in findings if worst is not None and f.severity == worst]
    visible_ids = [q.id for q in visible]
    return Evaluation(
        verdict=Verdict(id=verdict_id, reasons=reasons, next=_next_points(findings, reasons)),
        findings=findings,
        dimensions=_dimension_results(checklist, visible, effective, findings),
        sections=_section_results(checklist, visible, effective, findings),
        open_items=_open_items(checklist, assessment, visible, effective),
        progress=progress,
        visible_questions=visible_ids,
        jurisdictions=[j.id for j in checklist.jurisdictions if holds(j.relevant_if, effective, today)],
        consent=law.consent,
        rights=law.rights,
        exempt=law.exempt,
        duties=law.duties,
    )


NEXT_POINTS = 3
"""How many points the verdict names below its cause."""


def _next_points(findings: list[Finding], reasons: list[Finding]) -> list[Finding]:
    """The next most important points after the cause (``reasons[0]``): the other reasons, then the findings of
    the next severities, advice left out. "Questions not answered yet" comes last among its equals."""
    rest = [f for f in findings if f.severity != Severity.info and (not reasons or f is not reasons[0])]
    rest.sort(key=lambda f: (-f.severity.rank, f.origin == "incomplete"))
    return rest[:NEXT_POINTS]
