"""The derivation of who must consent, and the findings that follow, on the shipped checklist."""

from __future__ import annotations

import datetime as dt
import functools

from vigil.catalog import load_catalog
from vigil.consent import derive
from vigil.engine import evaluate
from vigil.i18n import words
from vigil.models.assessment import Answer, Assessment, ChecklistPin, Person
from vigil.models.checklist import Checklist
from vigil.models.results import ConsentNeed, Evaluation, Finding

TODAY = dt.date(2026, 12, 1)


@functools.cache
def _checklist() -> Checklist:
    return load_catalog().latest()[0]


def _person(name: str, relation: str, position: str, *roles: str) -> Person:
    values: dict[str, str | list[str] | None] = {"name": name, "relation": relation, "position": position}
    if roles:
        values["roles"] = list(roles)
    return Person(id=name.replace(" ", "_").lower(), values=values)


def _answers(people: list[Person], audience: str | None = "public", place: str = "de",
             died: dt.date = dt.date(2026, 9, 1), **more: Answer) -> dict[str, Answer]:
    answers = {
        "medium": Answer(choices=["animated_photo"]),
        "person_name": Answer(text="Klaus Berger"),
        "person_lived": Answer(choices=[place]),
        "shown_in": Answer(choices=[place]),
        "died": Answer(date=died),
        "people": Answer(people=people),
        **more,
    }
    if audience is not None:
        answers["audience"] = Answer(choice=audience)
    return answers


def _evaluate(answers: dict[str, Answer]) -> Evaluation:
    c = _checklist()
    return evaluate(c, Assessment(checklist=ChecklistPin(id=c.id, version=c.version), answers=answers), TODAY)


def _rule_findings(e: Evaluation) -> dict[str, Finding]:
    return {f.id: f for f in e.findings if f.origin == "rule"}


# Renate's agreement is given in writing: for a public plan an agreement only reported counts as not yet given
# (vigil.consent_state.with_own_answers)
_RENATE = _person("Renate Berger", "spouse", "agrees")
_RENATE = _RENATE.model_copy(update={"values": {**_RENATE.values, "recorded": "written"}})
BERGERS = [_RENATE, _person("Julia Berger", "child", "not_asked")]


def test_the_issues_example_shown_publicly_in_germany() -> None:
    found = _rule_findings(_evaluate(_answers(BERGERS)))
    f = found["consent_outstanding"]
    assert f.severity.value == "serious"
    assert words(f.message, "en") == (
        "Under German law (KUG § 22), for ten years after a death, the spouse or registered partner and the "
        "children (if there are none, the parents) must agree before a picture of the person is shown publicly or "
        "distributed (sending copies, even to a family chat, is distributing): Renate Berger (spouse) agrees; "
        "Julia Berger (child) has not been asked yet.")
    assert words(f.message, "de").startswith("Nach deutschem Recht (§ 22 KUG) müssen zehn Jahre lang")
    assert words(f.message, "de").endswith("Renate Berger (Ehegatte) stimmt zu; Julia Berger (Kind) wurde noch nicht gefragt.")
    assert words(f.action, "en").startswith("Ask Julia Berger (child) before")
    assert "Renate" not in words(f.action, "en")
    assert {"consent_refused", "family_not_asked", "family_objects"}.isdisjoint(found)


def test_the_issues_example_at_the_funeral_is_a_condition_not_a_stop() -> None:
    e = _evaluate(_answers(BERGERS, audience="funeral"))
    found = _rule_findings(e)
    assert "consent_outstanding" not in found
    assert found["family_not_asked"].severity.value == "caution"
    assert words(found["family_not_asked"].action, "en").startswith("Ask Julia Berger (child)")
    assert all(f.severity.value != "blocker" for f in e.findings)
    needs = {p.name: p.need for p in e.consent}
    assert needs == {"Renate Berger": ConsentNeed.advised, "Julia Berger": ConsentNeed.advised}
    # and it says why the law does not reach it
    assert [words(x, "en").split(" This plan")[0][:28] for x in e.exempt] == ["Under German law (KUG § 22),"]
    assert "funeral gathering, with no copies passed on, is neither distribution nor public showing" in words(e.exempt[0], "en")


def test_one_fact_one_finding() -> None:
    """A spouse whose consent the law requires says no: one finding, not also 'closest family objects'."""
    people = [_person("Renate Berger", "spouse", "objects"), _person("Julia Berger", "child", "objects")]
    found = _rule_findings(_evaluate(_answers(people)))
    assert found["consent_refused"].severity.value == "blocker"
    assert "Renate Berger (spouse) and Julia Berger (child)" in words(found["consent_refused"].action, "en")
    assert {"family_objects", "relative_objects", "no_say_objects", "consent_outstanding"}.isdisjoint(found)


def test_an_heir_whose_consent_this_use_does_not_need_is_advice() -> None:
    people = [_person("Renate Berger", "spouse", "agrees"), _person("Acme Estate", "other", "not_asked", "heir")]
    e = _evaluate(_answers(people))
    found = _rule_findings(e)
    assert found["others_not_asked"].severity.value == "info"
    assert "Acme Estate (heir)" in words(found["others_not_asked"].message, "en")
    assert next(p for p in e.consent if p.name == "Acme Estate").need == ConsentNeed.advised
    # a commercial use within ten years: now the heir's consent is required
    e = _evaluate(_answers(people, audience="commercial_release", commercial=Answer(choice="yes")))
    assert next(p for p in e.consent if p.name == "Acme Estate").need == ConsentNeed.required
    assert "consent_outstanding" in _rule_findings(e)


def test_nobody_in_the_register_holds_a_right_that_applies() -> None:
    people = [_person("A fan club", "other", "agrees")]
    more = {"public_figure": Answer(choice="performer"), "commercial": Answer(choice="yes")}
    found = _rule_findings(_evaluate(_answers(people, audience="commercial_release", place="us_ca", **more)))
    assert found["consent_holder_missing"].severity.value == "serious"
    assert "Civil Code § 3344.1" in words(found["consent_holder_missing"].message, "en")
    # once the maker says everyone close is listed, the rule asks no one
    found = _rule_findings(_evaluate(_answers(people, audience="commercial_release", place="us_ca",
                                              all_listed=Answer(choice="yes"), **more)))
    assert "consent_holder_missing" not in found


def test_until_the_audience_is_known_public_showing_is_assumed() -> None:
    result = derive(_checklist(), _answers(BERGERS, audience=None), TODAY)
    assert result.plan is not None and result.plan.use_assumed
    assert {p.need for p in result.consent} == {ConsentNeed.required}
    assert "Vigil assumes" in words(result.rights[0].reason, "en")


def test_unreachable_and_undecided_holders_are_to_resolve_first() -> None:
    people = [_person("Renate Berger", "spouse", "unreachable"), _person("Julia Berger", "child", "undecided")]
    f = _rule_findings(_evaluate(_answers(people)))["consent_outstanding"]
    assert "cannot be reached" in words(f.message, "en") and "has not decided yet" in words(f.message, "en")
    assert "ask a lawyer" in words(f.action, "en")


def test_a_closest_relative_who_objects_stops_it_even_where_no_law_applies() -> None:
    people = [_person("Anna", "parent", "objects"), _person("Ben", "sibling", "agrees")]
    e = _evaluate(_answers(people, audience="private", place="elsewhere"))
    assert _rule_findings(e)["family_objects"].severity.value == "blocker"
    assert e.verdict.id.value == "stop"


def test_someone_without_a_say_who_objects_is_heard_not_obeyed() -> None:
    people = [_person("Renate Berger", "spouse", "agrees"), _person("A neighbour", "friend", "objects")]
    found = _rule_findings(_evaluate(_answers(people, audience="private")))
    assert found["no_say_objects"].severity.value == "info"


def test_hostile_names_stay_text() -> None:
    name = "{names} {0} <b>#set</b> }{"
    people = [_person(name, "child", "not_asked")]
    f = _rule_findings(_evaluate(_answers(people)))["consent_outstanding"]
    assert f"{name} (child) has not been asked yet" in words(f.message, "en")
    assert words(f.action, "de").startswith(f"Fragen Sie {name} (Kind)")


def test_the_verdict_names_its_cause_and_the_next_points() -> None:
    people = [_person("Renate Berger", "spouse", "objects"), _person("Julia Berger", "child", "agrees")]
    e = _evaluate(_answers(people))
    assert e.verdict.cause is not None and e.verdict.cause.id == "consent_refused"
    assert e.verdict.next, "the points below the cause"
    assert e.verdict.cause not in e.verdict.next
    assert all(f.severity.value != "info" for f in e.verdict.next)
    assert len(e.verdict.next) <= 3


# --------------------------------------------------------------------------- properties

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tests.support.strategies import value_answer  # noqa: E402

FACT_QUESTIONS = ("medium", "realism", "person_lived", "shown_in", "audience", "commercial", "public_figure", "died",
                  "people", "all_listed", "uses")


def _facts() -> st.SearchStrategy[dict[str, Answer]]:
    c = _checklist()
    return st.fixed_dictionaries({}, optional={q: value_answer(c.question(q)) for q in FACT_QUESTIONS})


@settings(max_examples=150, deadline=None)
@given(_facts())
def test_every_person_gets_one_outcome_and_one_finding_at_most(answers: dict[str, Answer]) -> None:
    result = derive(_checklist(), answers, TODAY)
    people = (answers["people"].people or []) if "people" in answers else []
    assert [p.person_id for p in result.consent] == [p.id for p in people]
    for p in result.consent:
        assert (p.need == ConsentNeed.required) == any(b.effect == "consent" for b in p.basis)
        assert all(words(p.reason, lang) for lang in _checklist().languages)
    e = _evaluate(answers)
    about = [pid for f in e.findings for pid in f.person_ids]
    assert len(about) == len(set(about)), "one fact, one finding: nobody is in two findings"
    assert set(about) <= {p.id for p in people}


@settings(max_examples=100, deadline=None)
@given(_facts(), st.integers(min_value=0, max_value=3))
def test_a_refusal_never_makes_the_verdict_better(answers: dict[str, Answer], index: int) -> None:
    people = (answers["people"].people or []) if "people" in answers else []
    if not people:
        return
    before = _evaluate(answers).verdict.id.rank
    target = people[index % len(people)]
    changed = [Person(id=p.id, values={**p.values, "position": "objects"}) if p.id == target.id else p
               for p in people]
    after = _evaluate({**answers, "people": Answer(people=changed)}).verdict.id.rank
    assert after >= before


def test_an_empty_register_is_one_finding_not_two() -> None:
    answers = _answers([])
    answers["people"] = Answer(dont_know=True)
    found = _rule_findings(_evaluate(answers))
    assert "consent_holder_missing" not in found
    assert "unknown.people" in {f.id for f in _evaluate(answers).findings}


def test_in_italy_the_persons_own_recorded_wish_takes_the_relatives_place() -> None:
    people = [_person("Giulia Rossi", "child", "not_asked")]
    own = {"consent_in_life": Answer(choice="agreed_this_use"), "within_scope": Answer(choice="yes"),
           "consent_record": Answer(choice="recording")}
    plain = derive(_checklist(), _answers(people, place="it"), TODAY)
    assert plain.consent[0].need == ConsentNeed.required
    waived = derive(_checklist(), _answers(people, place="it", **own), TODAY)
    assert waived.consent[0].need == ConsentNeed.advised
    assert any("own expressed wish prevails" in words(x, "en") for x in waived.exempt)
    # a memory of what they said is not enough
    remembered = derive(_checklist(), _answers(people, place="it", **{**own, "consent_record": Answer(
        choice="told_someone")}), TODAY)
    assert remembered.consent[0].need == ConsentNeed.required
    # nor is it in Germany, where the sources say nothing about it
    german = derive(_checklist(), _answers(people, place="de", **own), TODAY)
    assert german.consent[0].need == ConsentNeed.required


def test_a_right_to_left_name_cannot_reorder_the_sentence() -> None:
    name = "\u202eevil\u202c فاطمة الزهراء"
    f = _rule_findings(_evaluate(_answers([_person(name, "child", "not_asked")])))["consent_outstanding"]
    assert f"\u2068{name}\u2069 (child) has not been asked yet" in words(f.message, "en")
