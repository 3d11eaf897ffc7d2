"""Content tests: walk every checklist file in checklists/ and hold it to the authoring rules.

Beside the shipped content, a tiny checklist built in code shows the witness search can fail (a rule that can
never fire is reported), so the "every rule can fire" test is not vacuous.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

import pytest

from tests.support.tiny import checklist_data, question, text
from vigil import reachability
from vigil.catalog import check_file, checklist_files, default_directory
from vigil.engine import evaluate
from vigil.models.assessment import Answer, Assessment, ChecklistPin
from vigil.models.checklist import Checklist, PeopleFieldKind, QuestionKind
from vigil.models.common import pick
from vigil.models.conditions import Condition

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


# --------------------------------------------------------------------------- reachability
# The witness search lives in vigil/reachability.py (``vigil validate --deep``); these tests check its result
# with the real engine, so a wrong witness can only make a test fail, never pass.


def witness(c: Checklist, cond: Condition) -> dict[str, Answer] | None:
    return reachability.witness(c, cond, TODAY)


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


CONDITION_KEYS = {"visible_if", "when", "relevant_if", "applies_if", "waived_if", "met_if", "public", "commercial",
                  "aspects", "distribution", "surprise"}


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
    def rule(rid: str, when: dict[str, object], severity: str) -> dict[str, object]:
        return {"id": rid, "when": when, "severity": severity, "dimension": "wishes", "message": text(rid),
                "action": text(rid)}

    return Checklist.model_validate(checklist_data("tiny", [{"id": "s", "title": text("s"), "questions": [
        question("a", "yes_no"),
        question("b", "yes_no", visible_if={"equals": {"question": "a", "value": "yes"}}),
    ]}], rules=[
        rule("fires", {"equals": {"question": "b", "value": "no"}}, "caution"),
        rule("never", {"all": [{"equals": {"question": "a", "value": "yes"}},
                               {"equals": {"question": "a", "value": "no"}}]}, "blocker"),
    ]))


def test_witness_makes_a_hidden_question_visible() -> None:
    c = _tiny()
    answers = witness(c, c.rules[0].when)
    assert answers is not None
    assert answers["a"].choice == "yes"
    assert "fires" in {f.id for f in evaluate(c, _assessment(c, answers), TODAY).findings}


def test_witness_reports_a_rule_that_can_never_fire() -> None:
    c = _tiny()
    assert witness(c, c.rules[1].when) is None
