"""The facts the documents state, read through the checklist's ``documents`` bindings.

Only visible answers count: an answer to a question that is hidden now is not a fact of the documents. The caller
passes the visible questions and their effective answers (``DocumentInput`` works them out once for every document).
A fact that is not answered (or answered "don't know") is ``None``, so a document can say "not yet decided".
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from vigil.models.assessment import Answer
from vigil.models.checklist import Checklist, Question
from vigil.models.common import pick
from vigil.models.results import ConsentNeed, DimensionStatus, Evaluation
from vigil.render.text import answer_text, field_value, year_of


class PersonRow(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    relation: str
    position: str
    declined: bool = False
    agreed: bool = False
    """The person agrees (an option named in ``documents.people_agreed_options``)."""
    """The person has said no (an option named in ``documents.people_declined_options``)."""
    cells: list[str]
    """Every field of the register in order, as words."""
    guardian: str = ""
    """Who answers for them (a minor child's parent or guardian), from the law data's guardian field."""


class Facts(BaseModel):
    model_config = ConfigDict(frozen=True)

    person_name: str | None = None
    born: str | None = None
    died: str | None = None
    medium: str | None = None
    description: str | None = None
    new_words: str | None = None
    audience: str | None = None
    commercial: str | None = None
    retention: str | None = None
    withdrawal: str | None = None
    commissioner: str | None = None
    people_columns: list[str] = []
    people: list[PersonRow] = []
    family_consent_settled: bool = False
    """The family's agreement is recorded and nothing in its dimension is unresolved."""


def read_facts(checklist: Checklist, questions: dict[str, Question], answers: dict[str, Answer],
               evaluation: Evaluation, lang: str) -> Facts:
    """The facts, from the visible ``questions`` (by id) and their effective ``answers``."""
    b = checklist.documents

    def fact(qid: str | None) -> str | None:
        if qid is None or qid not in questions:
            return None
        answer = answers.get(qid)
        if answer is None or not answer.is_answered:
            return None
        return answer_text(questions[qid], answer, lang).strip() or None

    def year(qid: str | None) -> str | None:
        if qid is None or qid not in questions:
            return None
        return year_of(questions[qid], answers.get(qid))

    columns: list[str] = []
    rows: list[PersonRow] = []
    settled = False
    if b.people and b.people in questions:
        pq = questions[b.people]
        columns = [pick(f.label, lang) for f in pq.fields]
        answer = answers.get(b.people)
        people = (answer.people or []) if answer is not None and not answer.dont_know else []
        by_id = {f.id: f for f in pq.fields}

        def cell(person_values: dict[str, str | list[str] | None], fid: str | None) -> str:
            if fid is None or fid not in by_id:
                return ""
            return field_value(by_id[fid], person_values.get(fid), lang)

        guardian_field = checklist.law.facts.guardian_field if checklist.law is not None else None
        for person in people:
            rows.append(PersonRow(
                guardian=cell(person.values, guardian_field).strip(),
                name=cell(person.values, b.people_name_field),
                relation=cell(person.values, b.people_relation_field),
                position=cell(person.values, b.people_position_field),
                declined=b.people_position_field is not None
                and person.values.get(b.people_position_field) in b.people_declined_options,
                agreed=b.people_position_field is not None
                and person.values.get(b.people_position_field) in b.people_agreed_options,
                cells=[field_value(f, person.values.get(f.id), lang) for f in pq.fields],
            ))
        # "Made with the consent of the family" is a public statement: true only when everyone the family's say
        # rests on has agreed (the law's and the checklist's verdict on them, else everyone in the register).
        # A relative not yet asked or still deciding leaves it unsaid, whatever the verdict. A checklist that does
        # not say which positions mean agreement falls back to the status of the register's topic.
        agreed = set(b.people_agreed_options)
        family = [pc for pc in evaluation.consent if pc.need != ConsentNeed.no_say]
        if agreed:
            everyone = [pc.position in agreed for pc in family] if family else [r.agreed for r in rows]
            settled = bool(everyone) and all(everyone)
        else:
            status = evaluation.dimension(pq.dimension).status
            settled = bool(rows) and status in (DimensionStatus.ready, DimensionStatus.proceed_with_conditions)

    return Facts(
        person_name=fact(b.person_name),
        born=year(b.born),
        died=year(b.died),
        medium=fact(b.medium),
        description=fact(b.description),
        new_words=fact(b.new_words),
        audience=fact(b.audience),
        commercial=fact(b.commercial),
        retention=fact(b.retention),
        withdrawal=fact(b.withdrawal),
        commissioner=fact(b.commissioner),
        people_columns=columns,
        people=rows,
        family_consent_settled=settled,
    )
