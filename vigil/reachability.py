"""Whether every rule can fire and every jurisdiction can apply: the deep authoring check (``vigil validate --deep``).

Given a condition, a small greedy search builds answers that make it hold, then makes every question it names
visible (by satisfying their ``visible_if`` in turn). The result is checked with the real engine, so a wrong
witness can only report a rule as unreachable, never hide one. Pure: the caller passes ``today``.
"""

from __future__ import annotations

import datetime as dt

from vigil.engine import evaluate
from vigil.models.assessment import Answer, Assessment, ChecklistPin, Person
from vigil.models.checklist import Checklist
from vigil.models.common import Loc
from vigil.models.conditions import (
    All,
    Answered,
    AnyOf,
    Condition,
    CountPeople,
    DontKnow,
    Equals,
    FieldMatch,
    In,
    Not,
    NumberIs,
    Op,
    YearsBetween,
    YearsSince,
    holds,
    references,
)
from vigil.models.kinds import sample_answer, sample_person, spec
from vigil.visibility import visible_answers

Answers = dict[str, Answer]


def _set(answers: Answers, qid: str, **values: object) -> None:
    answers[qid] = Answer.model_validate(values)


def _number_for(op: Op, value: float) -> float:
    return {Op.lt: value - 1, Op.le: value, Op.gt: value + 1, Op.ge: value, Op.eq: value, Op.ne: value + 1}[op]


def _matches(person: Person, where: list[FieldMatch]) -> bool:
    return all(any(v in m.in_ for v in person.choices(m.field)) for m in where)


class _Search:
    """The greedy search over one checklist, on one day."""

    def __init__(self, checklist: Checklist, today: dt.date) -> None:
        self.c = checklist
        self.today = today

    def holds(self, cond: Condition, answers: Answers) -> bool:
        return holds(cond, answers, self.today)

    def _years_ago(self, years: int) -> dt.date:
        """A date ``years`` whole years before today (negative: in the future)."""
        year = self.today.year - years
        try:
            return self.today.replace(year=year)
        except ValueError:  # 29 February, in a year without one
            return self.today.replace(year=year, day=28)

    def _choose(self, qid: str, answers: Answers, value: str) -> None:
        if spec(self.c.question(qid).kind).field == "choices":
            old = answers.get(qid)
            chosen = list(old.choices or []) if old is not None and not old.dont_know else []
            if value not in chosen:
                chosen.append(value)
            _set(answers, qid, choices=chosen)
        else:
            _set(answers, qid, choice=value)

    def _avoid(self, qid: str, bad: set[str], answers: Answers) -> None:
        a = answers.get(qid)
        if a is None or a.dont_know:
            return
        q = self.c.question(qid)
        if spec(q.kind).field == "choices":
            kept = [x for x in a.choices or [] if x not in bad]
            if kept:
                _set(answers, qid, choices=kept)
            else:
                answers.pop(qid)
        elif a.choice in bad:
            other = next((o for o in q.option_ids() if o not in bad), None)
            if other is None:
                answers.pop(qid)
            else:
                _set(answers, qid, choice=other)

    def _count_people(self, pc: CountPeople, answers: Answers) -> None:
        spec = pc.count_people
        q = self.c.question(spec.question)
        fixed = {m.field: m.in_[0] for m in spec.where}
        old = answers.get(q.id)
        people = list(old.people or []) if old is not None and not old.dont_know else []
        matching = [p for p in people if _matches(p, spec.where)]
        others = [p for p in people if p not in matching]
        target = int(_number_for(spec.op, spec.value))
        matching = matching[:target] if len(matching) > target else matching
        while len(matching) < target:
            matching.append(sample_person(q, self.today, "witness", fixed))
        people = others + matching
        if people:
            _set(answers, q.id, people=people)
        else:
            answers.pop(q.id, None)

    def satisfy(self, cond: Condition, answers: Answers) -> bool:
        """Change ``answers`` so that ``cond`` holds; False if this greedy search cannot."""
        match cond:
            case All(all=items):
                ok = all(self.satisfy(item, answers) for item in items)
                return ok and self.holds(cond, answers)
            case AnyOf(any=items):
                for item in items:
                    trial = dict(answers)
                    if self.satisfy(item, trial) and self.holds(item, trial):
                        answers.clear()
                        answers.update(trial)
                        return True
                return False
            case Not(not_=inner):
                return self.falsify(inner, answers)
            case Equals(equals=qv):
                self._choose(qv.question, answers, qv.value)
            case In(in_=qv):
                self._choose(qv.question, answers, qv.values[0])
            case Answered(answered=qid):
                answers[qid] = sample_answer(self.c.question(qid), self.today, text="witness")
            case DontKnow(dont_know=qid):
                _set(answers, qid, dont_know=True)
            case NumberIs(number=cmp):
                _set(answers, cmp.question, number=_number_for(cmp.op, cmp.value))
            case YearsSince(years_since=cmp):
                _set(answers, cmp.question, date=self._years_ago(int(_number_for(cmp.op, cmp.value))))
            case YearsBetween(years_between=span):
                start = dt.date(1950, 6, 15)
                _set(answers, span.start, date=start)
                _set(answers, span.end, date=start.replace(year=start.year + int(_number_for(span.op, span.value))))
            case CountPeople():
                self._count_people(cond, answers)
            case _:  # pragma: no cover - a node this search does not know (tests/test_reachability.py)
                raise TypeError(f"the witness search cannot satisfy a {type(cond).__name__} node")
        return self.holds(cond, answers)

    def falsify(self, cond: Condition, answers: Answers) -> bool:
        """Change ``answers`` so that ``cond`` does not hold."""
        match cond:
            case All(all=items):
                self.falsify(items[0], answers)
            case AnyOf(any=items):
                for item in items:
                    self.falsify(item, answers)
            case Not(not_=inner):
                self.satisfy(inner, answers)
            case Equals(equals=qv):
                self._avoid(qv.question, {qv.value}, answers)
            case In(in_=qv):
                self._avoid(qv.question, set(qv.values), answers)
            case CountPeople(count_people=pc):
                a = answers.get(pc.question)
                if a is not None and a.people:
                    kept = [p for p in a.people if not _matches(p, pc.where)]
                    if kept:
                        _set(answers, pc.question, people=kept)
                    else:
                        answers.pop(pc.question)
            case _:  # a missing answer makes every other node false
                for ref in references(cond):
                    answers.pop(ref.question, None)
        return not self.holds(cond, answers)

    def make_visible(self, answers: Answers) -> None:
        """Satisfy the visible_if of every answered question (and its section), earliest hidden first."""
        order = [q.id for q in self.c.questions()]
        for _ in range(40):
            _, effective = visible_answers(self.c, answers, self.today)
            hidden = [qid for qid in answers if qid not in effective]
            if not hidden:
                return
            qid = min(hidden, key=order.index)
            for cond in (self.c.section_of(qid).visible_if, self.c.question(qid).visible_if):
                if cond is not None and not self.holds(cond, answers):
                    self.satisfy(cond, answers)


def witness(checklist: Checklist, cond: Condition, today: dt.date) -> Answers | None:
    """Answers under which ``cond`` holds over the visible answers, or None when the search finds none."""
    search = _Search(checklist, today)
    answers: Answers = {}
    if not search.satisfy(cond, answers):
        return None
    search.make_visible(answers)
    _, effective = visible_answers(checklist, answers, today)
    return answers if holds(cond, effective, today) else None


def _assessment(checklist: Checklist, answers: Answers) -> Assessment:
    return Assessment(checklist=ChecklistPin(id=checklist.id, version=checklist.version), answers=answers)


def unreachable(checklist: Checklist, today: dt.date) -> list[tuple[Loc, str]]:
    """Every rule no answers make fire and every jurisdiction no answers make apply, with its place in the file."""
    found: list[tuple[Loc, str]] = []
    for i, rule in enumerate(checklist.rules):
        answers = witness(checklist, rule.when, today)
        if answers is None or rule.id not in {f.id for f in evaluate(checklist, _assessment(checklist, answers),
                                                                        today).findings}:
            found.append((("rules", i, "when"), f"no answers make the rule {rule.id!r} fire"))
    for i, jur in enumerate(checklist.jurisdictions):
        answers = witness(checklist, jur.relevant_if, today)
        if answers is None or jur.id not in evaluate(checklist, _assessment(checklist, answers), today).jurisdictions:
            found.append((("jurisdictions", i, "relevant_if"), f"no answers make the jurisdiction {jur.id!r} apply"))
    return found
