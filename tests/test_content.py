"""Content tests: walk every checklist file in checklists/ and hold it to the authoring rules.

Beside the shipped content, a tiny checklist built in code shows the witness search can fail (a rule that can
never fire is reported), so the "every rule can fire" test is not vacuous.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

import pytest

from vigil.catalog import check_file, checklist_files, default_directory
from vigil.engine import evaluate, visible_answers
from vigil.models.assessment import Answer, Assessment, ChecklistPin, Person
from vigil.models.checklist import Checklist, PeopleFieldKind, Question, QuestionKind
from vigil.models.common import pick
from vigil.models.conditions import (
    All,
    Answered,
    AnyOf,
    Condition,
    CountPeople,
    DontKnow,
    Equals,
    In,
    Not,
    NumberIs,
    Op,
    YearsSince,
    holds,
)

TODAY = dt.date(2026, 11, 22)
FILES = checklist_files(default_directory())
MAIN = "memorial_media"


@functools.cache
def _load(path: Path) -> Checklist:
    checklist, problems = check_file(path)
    assert checklist is not None, [str(p) for p in problems]
    assert problems == [], [str(p) for p in problems]
    return checklist


@pytest.fixture(scope="module", params=FILES, ids=[p.name for p in FILES])
def checklist(request: pytest.FixtureRequest) -> Checklist:
    return _load(request.param)


def _main() -> Checklist:
    for path in FILES:
        c = _load(path)
        if c.id == MAIN:
            return c
    raise AssertionError(f"no checklist {MAIN!r} in {default_directory()}")


# --------------------------------------------------------------------------- a witness search
# Given a condition, build answers that make it hold, then make every question it names visible (by satisfying
# their visible_if in turn). It is greedy and small on purpose; the tests below check the result with the real
# engine, so a wrong witness can only make a test fail, never pass.


def _set(answers: dict[str, Answer], qid: str, **values: object) -> None:
    answers[qid] = Answer.model_validate(values)


def _value_for(q: Question) -> dict[str, object]:
    """A plausible real answer for any question kind."""
    match q.kind:
        case QuestionKind.yes_no:
            return {"choice": "yes"}
        case QuestionKind.single_choice:
            return {"choice": q.options[0].id}
        case QuestionKind.multi_choice:
            return {"choices": [q.options[0].id]}
        case QuestionKind.number:
            return {"number": q.min if q.min is not None else 1.0}
        case QuestionKind.date:
            return {"date": TODAY - dt.timedelta(days=30)}
        case QuestionKind.people:
            return {"people": [_person(q, {})]}
        case _:
            return {"text": "witness"}


def _person(q: Question, fixed: dict[str, str]) -> Person:
    values: dict[str, str | None] = {}
    for f in q.fields:
        if f.id in fixed:
            values[f.id] = fixed[f.id]
        elif f.kind == PeopleFieldKind.single_choice:
            values[f.id] = f.options[-1].id  # last option: usually the most neutral ("other", "not yet")
        elif f.kind == PeopleFieldKind.date:
            values[f.id] = TODAY.isoformat()
        else:
            values[f.id] = "witness"
    return Person(values=values)


def _choose(q: Question, answers: dict[str, Answer], value: str) -> None:
    if q.kind == QuestionKind.multi_choice:
        old = answers.get(q.id)
        chosen = list(old.choices or []) if old is not None and not old.dont_know else []
        if value not in chosen:
            chosen.append(value)
        _set(answers, q.id, choices=chosen)
    else:
        _set(answers, q.id, choice=value)


def _number_for(op: Op, value: float) -> float:
    return {Op.lt: value - 1, Op.le: value, Op.gt: value + 1, Op.ge: value, Op.eq: value, Op.ne: value + 1}[op]


def _years_ago(years: int) -> dt.date:
    return TODAY.replace(year=TODAY.year - max(years, 0))


def satisfy(c: Checklist, cond: Condition, answers: dict[str, Answer]) -> bool:
    """Change ``answers`` so that ``cond`` holds; False if this greedy search cannot."""
    match cond:
        case All(all=items):
            ok = all(satisfy(c, item, answers) for item in items)
            return ok and holds(cond, answers, TODAY)
        case AnyOf(any=items):
            for item in items:
                trial = dict(answers)
                if satisfy(c, item, trial) and holds(item, trial, TODAY):
                    answers.clear()
                    answers.update(trial)
                    return True
            return False
        case Not(not_=inner):
            return falsify(c, inner, answers)
        case Equals(equals=qv):
            _choose(c.question(qv.question), answers, qv.value)
        case In(in_=qv):
            _choose(c.question(qv.question), answers, qv.values[0])
        case Answered(answered=qid):
            _set(answers, qid, **_value_for(c.question(qid)))
        case DontKnow(dont_know=qid):
            _set(answers, qid, dont_know=True)
        case NumberIs(number=cmp):
            _set(answers, cmp.question, number=_number_for(cmp.op, cmp.value))
        case YearsSince(years_since=cmp):
            _set(answers, cmp.question, date=_years_ago(int(_number_for(cmp.op, cmp.value))))
        case CountPeople(count_people=pc):
            q = c.question(pc.question)
            fixed = {m.field: m.in_[0] for m in pc.where}
            old = answers.get(q.id)
            people = list(old.people or []) if old is not None and not old.dont_know else []
            matching = [p for p in people if all(p.values.get(m.field) in m.in_ for m in pc.where)]
            others = [p for p in people if p not in matching]
            target = int(_number_for(pc.op, pc.value))
            matching = matching[:target] if len(matching) > target else matching
            while len(matching) < target:
                matching.append(_person(q, fixed))
            people = others + matching
            if not people:
                answers.pop(q.id, None)
            else:
                _set(answers, q.id, people=people)
    return holds(cond, answers, TODAY)


def falsify(c: Checklist, cond: Condition, answers: dict[str, Answer]) -> bool:
    """Change ``answers`` so that ``cond`` does not hold."""
    match cond:
        case All(all=items):
            falsify(c, items[0], answers)
        case AnyOf(any=items):
            for item in items:
                falsify(c, item, answers)
        case Not(not_=inner):
            satisfy(c, inner, answers)
        case Equals(equals=qv):
            _avoid(c, qv.question, {qv.value}, answers)
        case In(in_=qv):
            _avoid(c, qv.question, set(qv.values), answers)
        case CountPeople(count_people=pc):
            a = answers.get(pc.question)
            if a is not None and a.people:
                kept = [p for p in a.people if not all(p.values.get(m.field) in m.in_ for m in pc.where)]
                if kept:
                    _set(answers, pc.question, people=kept)
                else:
                    answers.pop(pc.question)
        case _:
            for qid in _names(cond):
                answers.pop(qid, None)
    return not holds(cond, answers, TODAY)


def _avoid(c: Checklist, qid: str, bad: set[str], answers: dict[str, Answer]) -> None:
    a = answers.get(qid)
    if a is None or a.dont_know:
        return
    q = c.question(qid)
    if q.kind == QuestionKind.multi_choice:
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


def _names(cond: Condition) -> list[str]:
    from vigil.models.conditions import references

    return [r.question for r in references(cond)]


def make_visible(c: Checklist, answers: dict[str, Answer]) -> None:
    """Satisfy the visible_if of every answered question (and its section), earliest hidden first, until stable."""
    order = [q.id for q in c.questions()]
    for _ in range(40):
        _, effective = visible_answers(c, answers, TODAY)
        hidden = [qid for qid in answers if qid not in effective]
        if not hidden:
            return
        qid = min(hidden, key=order.index)
        section = c.section_of(qid)
        for cond in (section.visible_if, c.question(qid).visible_if):
            if cond is not None and not holds(cond, answers, TODAY):
                satisfy(c, cond, answers)


def witness(c: Checklist, cond: Condition) -> dict[str, Answer] | None:
    """Answers under which ``cond`` holds over the visible answers, or None."""
    answers: dict[str, Answer] = {}
    if not satisfy(c, cond, answers):
        return None
    make_visible(c, answers)
    _, effective = visible_answers(c, answers, TODAY)
    return answers if holds(cond, effective, TODAY) else None


def _assessment(c: Checklist, answers: dict[str, Answer]) -> Assessment:
    return Assessment(checklist=ChecklistPin(id=c.id, version=c.version), answers=answers)


# --------------------------------------------------------------------------- every file


def test_there_is_a_checklist() -> None:
    assert FILES, f"no checklist files in {default_directory()}"
    assert _main().id == MAIN


def test_every_question_has_help_rationale_and_sources(checklist: Checklist) -> None:
    for q in checklist.questions():
        for lang in checklist.languages:
            assert q.help.get(lang, "").strip(), f"{q.id}: no help in {lang}"
            assert q.rationale.get(lang, "").strip(), f"{q.id}: no rationale in {lang}"
        assert q.sources, f"{q.id}: no source"


def test_every_rule_has_action_and_sources(checklist: Checklist) -> None:
    for r in checklist.rules:
        for lang in checklist.languages:
            assert r.message.get(lang, "").strip(), f"{r.id}: no message in {lang}"
            assert r.action.get(lang, "").strip(), f"{r.id}: no action in {lang}"
        assert r.sources, f"{r.id}: no source"


CONDITION_KEYS = {"visible_if", "when", "relevant_if", "applies_if", "waived_if", "public", "commercial", "aspects"}


def test_every_declared_language_everywhere(checklist: Checklist) -> None:
    """The catalog reports missing translations; here we walk the model ourselves as a second check."""
    missing: list[str] = []

    def walk(value: object, path: str) -> None:
        if isinstance(value, dict) and value and all(isinstance(v, str) for v in value.values()):
            missing.extend(f"{path} [{lang}]" for lang in checklist.languages if not value.get(lang, "").strip())
        elif isinstance(value, dict):
            for k, v in value.items():
                if k not in CONDITION_KEYS:
                    walk(v, f"{path}.{k}")
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(v, f"{path}[{i}]")

    walk(checklist.model_dump(exclude={"documents", "languages", "sources"}), checklist.id)
    assert missing == []


def test_every_source_is_used(checklist: Checklist) -> None:
    used = {s for q in checklist.questions() for s in q.sources}
    used |= {s for r in checklist.rules for s in r.sources}
    used |= {s for j in checklist.jurisdictions for s in j.sources}
    used |= {s for e in checklist.examples for s in e.sources}
    if checklist.law is not None:
        used |= {s for r in checklist.law.rights for s in r.sources}
        used |= {s for d in checklist.law.duties for s in d.sources}
        used |= set(checklist.law.ethics.sources)
    unused = sorted({s.id for s in checklist.sources} - used)
    assert unused == []


def test_every_example_is_attached(checklist: Checklist) -> None:
    attached = {e for q in checklist.questions() for e in q.examples} | {e for r in checklist.rules for e in r.examples}
    assert sorted({e.id for e in checklist.examples} - attached) == []


def test_jurisdiction_notes_are_not_newer_than_the_law_date(checklist: Checklist) -> None:
    for j in checklist.jurisdictions:
        assert j.as_of <= checklist.law_as_of, j.id


def test_no_jurisdiction_without_answers(checklist: Checklist) -> None:
    result = evaluate(checklist, _assessment(checklist, {}), TODAY)
    assert result.jurisdictions == []


def test_every_jurisdiction_can_become_relevant(checklist: Checklist) -> None:
    for j in checklist.jurisdictions:
        answers = witness(checklist, j.relevant_if)
        assert answers is not None, f"jurisdiction {j.id}: no answers make it relevant"
        result = evaluate(checklist, _assessment(checklist, answers), TODAY)
        assert j.id in result.jurisdictions


def test_every_rule_can_fire(checklist: Checklist) -> None:
    cannot: list[str] = []
    for rule in checklist.rules:
        answers = witness(checklist, rule.when)
        if answers is None:
            cannot.append(rule.id)
            continue
        result = evaluate(checklist, _assessment(checklist, answers), TODAY)
        if rule.id not in {f.id for f in result.findings}:
            cannot.append(rule.id)
    assert cannot == []


# --------------------------------------------------------------------------- the memorial-media checklist


def test_main_checklist_is_big_enough() -> None:
    c = _main()
    assert len(c.dimensions) >= 13
    assert len(c.questions()) >= 60
    assert len(c.jurisdictions) >= 14
    assert 10 <= len(c.sections) <= 14
    assert {"en", "de"} <= set(c.languages)


def test_main_checklist_covers_every_dimension_with_questions() -> None:
    c = _main()
    used = {q.dimension for q in c.questions()}
    assert sorted({d.id for d in c.dimensions} - used) == []


def test_main_checklist_binds_every_document_field() -> None:
    c = _main()
    bindings = c.documents.model_dump()
    assert [k for k, v in bindings.items() if v is None] == []
    register = c.question(bindings["people"])
    assert register.kind == QuestionKind.people
    fields = {f.id: f for f in register.fields}
    assert fields[bindings["people_name_field"]].required
    for key in ("people_relation_field", "people_position_field"):
        assert fields[bindings[key]].kind == PeopleFieldKind.single_choice


def test_main_checklist_uses_every_severity_that_decides_a_verdict() -> None:
    severities = {r.severity.value for r in _main().rules}
    assert {"blocker", "serious", "caution"} <= severities


def test_people_register_has_the_fields_the_rules_need() -> None:
    register = _main().question("people")
    fields = {f.id: {o.id for o in f.options} for f in register.fields}
    assert {"spouse", "registered_partner", "partner", "child", "grandchild", "parent", "sibling",
            "other_relative", "friend", "other"} == fields["relation"]
    assert {"heir", "executor", "licence_holder", "registered_successor", "designated"} == fields["roles"]
    assert {"agrees", "agrees_in_part", "objects", "undecided", "not_asked", "unreachable"} == fields["position"]
    assert "form_letter" in fields["recorded"]
    assert {"yes", "no"} == fields["saw_sample"]


def test_the_register_records_facts_not_legal_conclusions() -> None:
    """Who must consent is worked out from the law: no field asks the maker for a legal standing."""
    register = _main().question("people")
    assert "standing" not in {f.id for f in register.fields}
    words = " ".join(pick(f.label, "en").lower() for f in register.fields)
    assert "standing" not in words and "required by law" not in words


def test_support_resources_in_every_language() -> None:
    c = _main()
    for lang in c.languages:
        assert any(lang in s.languages for s in c.support), lang


def test_notice_says_not_legal_advice() -> None:
    c = _main()
    assert "not legal advice" in c.notice["en"]
    assert "keine Rechtsberatung" in c.notice["de"]


# --------------------------------------------------------------------------- the witness search can fail


def _tiny() -> Checklist:
    text = {"en": "x", "de": "x"}
    return Checklist.model_validate({
        "id": "tiny", "version": "2026.1", "title": text, "description": text, "languages": ["en", "de"],
        "law_as_of": "2026-01-01", "notice": text,
        "dimensions": [{"id": "d", "title": text, "description": text}],
        "sections": [{"id": "s", "title": text, "questions": [
            {"id": "a", "kind": "yes_no", "text": text, "help": text, "rationale": text, "dimension": "d"},
            {"id": "b", "kind": "yes_no", "text": text, "help": text, "rationale": text, "dimension": "d",
             "visible_if": {"equals": {"question": "a", "value": "yes"}}},
        ]}],
        "rules": [
            {"id": "fires", "when": {"equals": {"question": "b", "value": "no"}}, "severity": "caution",
             "dimension": "d", "message": text, "action": text},
            {"id": "never", "when": {"all": [{"equals": {"question": "a", "value": "yes"}},
                                             {"equals": {"question": "a", "value": "no"}}]},
             "severity": "blocker", "dimension": "d", "message": text, "action": text},
        ],
    })


def test_witness_makes_a_hidden_question_visible() -> None:
    c = _tiny()
    answers = witness(c, c.rules[0].when)
    assert answers is not None
    assert answers["a"].choice == "yes"
    assert "fires" in {f.id for f in evaluate(c, _assessment(c, answers), TODAY).findings}


def test_witness_reports_a_rule_that_can_never_fire() -> None:
    c = _tiny()
    assert witness(c, c.rules[1].when) is None
