"""Which questions an assessment's answers make visible, and which answers therefore count.

Pure: the engine, the consent record, the documents and the batch commands all ask this one function.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from vigil.models.assessment import Answer
from vigil.models.checklist import Checklist, Question
from vigil.models.conditions import Condition, holds


def _shown(cond: Condition | None, answers: Mapping[str, Answer], today: dt.date) -> bool:
    return cond is None or holds(cond, answers, today)


def visible_answers(
    checklist: Checklist, answers: Mapping[str, Answer], today: dt.date
) -> tuple[list[Question], dict[str, Answer]]:
    """The visible questions in order, and the answers that count (those of visible questions).

    Conditions may only name earlier questions (the catalog enforces it), so one pass in order is exact.
    """
    visible: list[Question] = []
    effective: dict[str, Answer] = {}
    for section in checklist.sections:
        if not _shown(section.visible_if, effective, today):
            continue
        for q in section.questions:
            if _shown(q.visible_if, effective, today):
                visible.append(q)
                if q.id in answers:
                    effective[q.id] = answers[q.id]
    return visible, effective
