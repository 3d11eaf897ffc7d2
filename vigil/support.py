"""Which bereavement-support resources to offer: pure, from the checklist's list and the assessment's answers.

Where the family lives decides first (a family in Austria reading German is offered the Austrian line, not the
German one); without that, the reader's language decides, as before any place is known. Resources that serve
anywhere (a doctor) are always offered.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from vigil.models import kinds
from vigil.models.assessment import Answer
from vigil.models.checklist import Checklist, SupportResource
from vigil.models.common import Loc


def family_places(checklist: Checklist, answers: Mapping[str, Answer]) -> set[str]:
    """The places the first answered ``support_places`` question names (relatives first, then the person)."""
    for qid in checklist.support_places:
        answer = answers.get(qid)
        if answer is None or answer.dont_know:
            continue
        value = kinds.value_of(checklist.question(qid), answer)
        chosen = set(value) if isinstance(value, list) else {value} if isinstance(value, str) else set()
        if chosen:
            return chosen
    return set()


def support_for(checklist: Checklist, answers: Mapping[str, Answer], lang: str) -> list[SupportResource]:
    """The resources to offer, in the checklist's order: those for where the family lives and those that serve
    anywhere; when no place is known or none is listed for it, those offered in ``lang`` (else all)."""
    places = family_places(checklist, answers)
    local = [r for r in checklist.support if places & set(r.places)]
    if local:
        return [r for r in checklist.support if r in local or not r.places]
    mine = [r for r in checklist.support if lang in r.languages]
    return mine or list(checklist.support)


def support_problems(checklist: Checklist) -> Iterator[tuple[Loc, str]]:
    """Authoring mistakes in the support list (``vigil validate``): a place question that is not a choice
    question of this checklist, or a resource's place that none of them offers."""
    questions = {q.id: q for q in checklist.questions()}
    offered: set[str] = set()
    for i, qid in enumerate(checklist.support_places):
        q = questions.get(qid)
        if q is None or not kinds.spec(q.kind).choice:
            yield ("support_places", i), f"{qid!r} is not a choice question of this checklist"
        else:
            offered.update(q.option_ids())
    for i, r in enumerate(checklist.support):
        for j, place in enumerate(r.places):
            if place not in offered:
                yield ("support", i, "places", j), f"no support_places question offers the place {place!r}"
