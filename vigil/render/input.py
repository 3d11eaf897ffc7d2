"""What every document is made from, built once: the checklist, the assessment, its evaluation, the language,
the maker's profile and the day, with the visible answers, the facts, the plan and the label kit read from them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from vigil.engine import evaluate
from vigil.models.assessment import Answer, Assessment, Maker
from vigil.models.checklist import Checklist, Question
from vigil.models.profile import MakerProfile
from vigil.models.results import Evaluation
from vigil.render.facts import Facts, read_facts
from vigil.render.labels import LabelKit, kit_from
from vigil.render.plan import Known, Plan, build_plan
from vigil.render.text import doc, isolate
from vigil.visibility import visible_answers


@dataclass(frozen=True)
class DocumentInput:
    checklist: Checklist
    assessment: Assessment
    evaluation: Evaluation
    lang: str
    today: dt.date
    profile: MakerProfile | None
    questions: dict[str, Question]
    """The questions visible now, by id."""
    answers: dict[str, Answer]
    """Their effective answers."""
    facts: Facts
    plan: Plan
    kit: LabelKit
    share_positions: bool = False
    """The maker chose to show each relative's position to the family (the family summary)."""

    @property
    def maker(self) -> Maker:
        """Who asks: the assessment's maker details, the older "assessor" field standing in for a missing name."""
        maker = self.assessment.maker
        if not maker.name.strip() and self.assessment.meta.assessor.strip():
            return maker.model_copy(update={"name": self.assessment.meta.assessor.strip()})
        return maker

    @property
    def reference(self) -> str:
        return self.assessment.meta.reference.strip()

    def who_asks(self) -> str:
        """One line: name · organisation · contact · reference (empty parts left out)."""
        m = self.maker
        parts = [isolate(x.strip()) for x in (m.name, m.organisation, m.contact) if x.strip()]
        if self.reference:
            parts.append(doc(self.lang, "reference", reference=isolate(self.reference)))
        return " · ".join(parts)

    def footer(self) -> str:
        """Who asks, at every page's foot, said as such ("From: Studio Lindenblatt"): a bare name under a family's
        letter reads as if it were theirs."""
        line = self.who_asks()
        return doc(self.lang, "footer_from", who=line) if line else ""

    def names(self) -> list[str]:
        """The people's names in the documents, so a missing-font message can say "in the names"."""
        f = self.facts
        return [n for n in [f.person_name, f.commissioner, *(p.name for p in f.people)] if n]


def document_input(checklist: Checklist, assessment: Assessment, lang: str, today: dt.date, *,
                   profile: MakerProfile | None = None, evaluation: Evaluation | None = None,
                   share_positions: bool = False) -> DocumentInput:
    """Build the input once; pass an ``evaluation`` the caller already has to avoid evaluating again."""
    ev = evaluation if evaluation is not None else evaluate(checklist, assessment, today)
    visible, effective = visible_answers(checklist, assessment.answers, today)
    questions = {q.id: q for q in visible}
    facts = read_facts(checklist, questions, effective, ev, lang)
    maker = assessment.maker.name.strip() or assessment.meta.assessor
    plan = build_plan(checklist, questions, effective, lang)
    return DocumentInput(
        checklist=checklist, assessment=assessment, evaluation=ev, lang=lang, today=today, profile=profile,
        questions=questions, answers=effective, facts=facts, plan=plan,
        kit=kit_from(facts, maker, lang, assessment.stamps,
                     platforms=plan.platforms if checklist.documents.platforms else None,
                     provenance=plan.provenance == Known.yes
                     or (plan.provenance == Known.open and plan.beyond_family != Known.no)),
        share_positions=share_positions,
    )


def label_kit(checklist: Checklist, assessment: Assessment, lang: str, today: dt.date, *,
              evaluation: Evaluation | None = None) -> LabelKit:
    """The disclosure label kit for an assessment, in ``lang`` (for the command line and tests; documents read it from
    their ``DocumentInput``)."""
    return document_input(checklist, assessment, lang, today, evaluation=evaluation).kit
