"""The findings that follow from the maker's own legal duties (``law.duties``, e.g. disclosure under AI Act
Art. 50(4)): one per duty that applies, a condition to meet while the plan does not meet it and advice once it
does; and which rule findings give way to the findings of the law section (one fact, one finding).

No Streamlit, no files, no clock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from vigil.consent import under
from vigil.models.assessment import Answer
from vigil.models.checklist import Checklist
from vigil.models.common import Severity
from vigil.models.conditions import holds, references
from vigil.models.law import Duty
from vigil.models.message import Joined, Param, message
from vigil.models.results import Finding


def _message(duty: Duty, met: bool) -> Joined:
    sentences: list[Param] = [message("lawfacts.duty", head=under(duty.law, duty.citation, duty.duty))]
    if met and duty.met is not None:
        sentences.append(duty.met)
    if duty.unverified:
        sentences.append(message("consent.unverified", text=duty.unverified))
    return Joined(items=sentences, how="sentences")


def duty_findings(checklist: Checklist, answers: Mapping[str, Answer], today: dt.date) -> list[Finding]:
    """One finding per duty that applies to the visible answers."""
    law = checklist.law
    if law is None:
        return []
    out = []
    for duty in law.duties:
        if not holds(duty.applies_if, answers, today):
            continue
        met = duty.met_if is not None and holds(duty.met_if, answers, today)
        conditions = [duty.applies_if, *([duty.met_if] if duty.met_if is not None else [])]
        out.append(Finding(
            id=duty.id, origin="rule", severity=Severity.info if met else Severity.caution,
            dimension=duty.dimension, message=_message(duty, met), action=duty.action, sources=list(duty.sources),
            question_ids=sorted({ref.question for cond in conditions for ref in references(cond)})))
    return out


def superseded(checklist: Checklist, findings: Iterable[Finding]) -> set[str]:
    """The rules whose finding says what a finding of the law section already says, so they give way to it."""
    law = checklist.law
    if law is None:
        return set()
    ids = {f.id for f in findings}
    gone = {rule for duty in law.duties if duty.id in ids for rule in duty.replaces}
    if "family_surprise" in ids and law.facts.surprise_rule:
        gone.add(law.facts.surprise_rule)
    return gone
