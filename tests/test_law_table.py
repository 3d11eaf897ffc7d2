"""The table of legal-standing cases (tests/law/standing-cases.md), run against the derivation.

Each row was written from its source before the derivation was run; the test builds the plan and the register
the row describes and checks what Vigil works out for the first person of the register.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path

import pytest

from vigil.catalog import load_catalog
from vigil.consent import derive
from vigil.engine import evaluate
from vigil.i18n import words
from vigil.models.assessment import Answer, Assessment, ChecklistPin, Person
from vigil.models.checklist import Checklist

TODAY = dt.date(2026, 12, 1)
TABLE = Path(__file__).parent / "law" / "standing-cases.md"
COLUMNS = ["case", "lived", "shown", "died", "use", "figure", "medium", "real", "register", "expect", "basis",
           "source"]
AUDIENCE = {"private": "private", "funeral": "funeral", "public": "public", "commercial": "commercial_release",
            "ad": "public", "chat": "private", "funeral+chat": "funeral", "private+online": "private"}
CHANNELS = {"private": ["in_person"], "funeral": ["in_person"], "chat": ["messenger"],
            "funeral+chat": ["in_person", "messenger"], "private+online": ["open_online"]}
MEDIUM = {"photo": ["animated_photo"], "voice": ["voice"], "photo+voice": ["animated_photo", "voice"]}


@dataclass(frozen=True)
class Case:
    case: str
    lived: str
    shown: str
    died: str
    use: str
    figure: str
    medium: str
    real: str
    register: str
    expect: str
    basis: str
    source: str


def _rows() -> list[Case]:
    rows = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != len(COLUMNS) or cells[0] in ("case", "---"):
            continue
        rows.append(Case(*cells))
    return rows


CASES = _rows()


@functools.cache
def _checklist() -> Checklist:
    return load_catalog().latest()[0]


def _person(entry: str, i: int) -> Person:
    relation, *roles = entry.strip().split("+")
    values: dict[str, str | list[str] | None] = {"name": f"P{i}", "relation": relation, "position": "not_asked"}
    if roles:
        values["roles"] = roles
    return Person(id=f"p{i}", values=values)


def _answers(case: Case) -> dict[str, Answer]:
    answers = {
        "medium": Answer(choices=MEDIUM[case.medium]),
        "realism": Answer(choice="realistic" if case.real == "yes" else "stylised"),
        "person_name": Answer(text="The person"),
        "person_lived": Answer(choices=[case.lived]),
        "shown_in": Answer(choices=[case.shown]),
        "audience": Answer(choice=AUDIENCE[case.use]),
        "channels": Answer(choices=CHANNELS.get(case.use, ["open_online"])),
        "commercial": Answer(choice="yes" if case.use in ("commercial", "ad") else "no"),
        "public_figure": Answer(choice=case.figure),
        "people": Answer(people=[_person(e, i) for i, e in enumerate(case.register.split(";"))]),
    }
    if case.use == "ad":
        answers["uses"] = Answer(choices=["advertising"])
    if case.died != "?":
        answers["died"] = Answer(date=dt.date.fromisoformat(case.died))
    return answers


def test_the_table_is_big_enough_and_well_formed() -> None:
    assert len(CASES) >= 40
    assert len({c.case for c in CASES}) == len(CASES)
    c = _checklist()
    assert c.law is not None
    sources = {s.id for s in c.sources}
    rights = {r.id for r in c.law.rights}
    for case in CASES:
        assert case.expect in ("required", "advised", "no_say"), case.case
        assert case.source in sources, f"{case.case}: no source {case.source!r} in the checklist"
        assert case.basis == "-" or case.basis in rights, f"{case.case}: no right {case.basis!r}"
    # the table covers every right of the checklist and all three outcomes
    assert rights <= {case.basis for case in CASES}
    assert {"required", "advised", "no_say"} == {case.expect for case in CASES}


@pytest.mark.parametrize("case", CASES, ids=[c.case.split()[0] for c in CASES])
def test_case(case: Case) -> None:
    result = derive(_checklist(), _answers(case), TODAY)
    person = next(p for p in result.consent if p.person_id == "p0")
    basis = [b.right for b in person.basis]
    assert person.need.value == case.expect, (case.case, basis)
    if case.basis == "-":
        assert basis == [], case.case
    else:
        assert case.basis in basis, (case.case, basis)
    # the reason is written in every language
    assert all(words(person.reason, lang).strip() for lang in _checklist().languages)
    # and the engine draws the matching finding: nobody in the register has been asked yet
    c = _checklist()
    evaluation = evaluate(c, Assessment(checklist=ChecklistPin(id=c.id, version=c.version), answers=_answers(case)),
                          TODAY)
    about = {f.id for f in evaluation.findings if "p0" in f.person_ids}
    expected = {"required": {"consent_outstanding"}, "no_say": set()}.get(case.expect)
    if expected is not None:
        assert about == expected, (case.case, about)
    else:
        assert about and about <= {"consent_ask_advised", "family_not_asked", "others_not_asked"}, (case.case, about)
