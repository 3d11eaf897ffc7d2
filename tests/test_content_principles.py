"""Content held to the project's principles: the severity principle (audited rule by rule in
checklists/severity-audit.md), German typography, and "not applicable" offered only where a question allows it.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

from vigil.assessment_file import read_assessment
from vigil.catalog import check_file, checklist_files, default_directory, load_catalog
from vigil.engine import evaluate
from vigil.i18n import words
from vigil.models.assessment import Answer
from vigil.models.checklist import Checklist, Question
from vigil.models.common import Severity
from vigil.validation import answer_problems

FILES = checklist_files(default_directory())
AUDIT = Path(default_directory()) / "severity-audit.md"
_ROW = re.compile(r"^\| `(?P<id>[a-z0-9_]+)` \| (?P<severity>\w+) \| (?P<defence>.+) \|$")


def _main() -> Checklist:
    for path in FILES:
        checklist, problems = check_file(path)
        assert checklist is not None and problems == [], [str(p) for p in problems]
        if checklist.id == "memorial_media":
            return checklist
    raise AssertionError("no memorial_media checklist")


def _audit() -> dict[str, tuple[str, str]]:
    rows = {}
    for line in AUDIT.read_text(encoding="utf-8").splitlines():
        m = _ROW.match(line)
        if m:
            rows[m["id"]] = (m["severity"], m["defence"])
    return rows


def test_every_rule_is_audited_with_its_severity() -> None:
    rules = {r.id: r.severity.value for r in _main().rules}
    audit = _audit()
    assert sorted(set(rules) - set(audit)) == [], "rules missing from severity-audit.md"
    assert sorted(set(audit) - set(rules)) == [], "audited rules that no longer exist"
    differ = {rid: (audit[rid][0], sev) for rid, sev in rules.items() if audit[rid][0] != sev}
    assert differ == {}, "severity in severity-audit.md (first) differs from the checklist (second)"


def test_every_defence_is_one_sentence() -> None:
    for rid, (_, defence) in _audit().items():
        assert defence.endswith("."), rid
        assert len(re.findall(r"[.!?](\s|$)", defence)) == 1, (rid, defence)


def test_a_missing_or_stripped_label_never_stops() -> None:
    """The maker can always add a label: a disclosure finding is at most a condition."""
    stops = [r.id for r in _main().rules if r.dimension == "disclosure" and r.severity == Severity.blocker]
    assert stops == []


def test_stop_is_kept_for_what_the_maker_cannot_put_right() -> None:
    """Every blocker is defended by a refusal, a prohibition, the person's wish, or a depiction no action fixes."""
    words = ("wish", "instruction", "refus", "dignity", "nobody", "narrating their death", "only the person")
    for rid, (severity, defence) in _audit().items():
        if severity == "blocker":
            assert any(w in defence.lower() for w in words), (rid, defence)


# --------------------------------------------------------------------------- German typography


def _texts(node: Any, lang: str, path: str = "") -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    if isinstance(node, dict):
        if isinstance(node.get(lang), str) and "en" in node:
            return [(path, node[lang])]
        for key, value in node.items():
            out += _texts(value, lang, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += _texts(value, lang, f"{path}[{i}]")
    return out


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_german_uses_typographic_dashes_and_quotes(path: Path) -> None:
    checklist, _ = check_file(path)
    assert checklist is not None
    german = _texts(checklist.model_dump(mode="json", by_alias=True), "de")
    assert german, "no German text found"
    hyphen_dash = [p for p, t in german if re.search(r"\s-(\s|[,;.)]|$)", t)]
    straight = [p for p, t in german if '"' in t]
    assert hyphen_dash == [], "use – (Halbgeviertstrich) for a dash"
    assert straight == [], "use „…“ for quotes in German"


def test_the_typography_check_can_fail() -> None:
    sample = {"text": {"en": "a - b", "de": "Ein Satz - mit \"Zitat\""}}
    german = _texts(sample, "de")
    assert [p for p, t in german if re.search(r"\s-(\s|[,;.)]|$)", t)] == [".text"]


# --------------------------------------------------------------------------- "not applicable" per question


def _yes_no(**extra: Any) -> Question:
    text = {"en": "x", "de": "x"}
    return Question.model_validate(
        {"id": "q", "kind": "yes_no", "text": text, "help": text, "rationale": text, "dimension": "d", **extra})


def test_a_question_of_fact_offers_only_yes_and_no() -> None:
    assert _yes_no(allow_not_applicable=False).option_ids() == ("yes", "no")
    assert _yes_no().option_ids() == ("yes", "no", "not_applicable")


def test_an_earlier_not_applicable_still_opens() -> None:
    """A saved "not applicable" on a question that no longer offers it is kept, not refused."""
    assert answer_problems(_yes_no(allow_not_applicable=False), Answer(choice="not_applicable")) == []
    assert answer_problems(_yes_no(allow_not_applicable=False), Answer(choice="maybe")) != []


def test_memorial_media_questions_of_fact_offer_no_not_applicable() -> None:
    """Whether something was said, exists or will be done has an answer; only plans that may not arise keep it."""
    offered = {q.id for q in _main().questions() if q.kind.value == "yes_no" and q.allow_not_applicable}
    for qid in ("prohibition", "commercial", "living_people", "scraped", "children_audience", "other_claims"):
        assert qid not in offered, qid


def test_a_citation_has_no_brackets_of_its_own() -> None:
    """Findings read "Under Tennessee law (<citation>)": a citation with brackets of its own nests them (a
    paragraph's number, "Art. 50(4)", is not a bracket of prose)."""
    law = _main().law
    assert law is not None
    cited = [(r.id, lang, text) for r in [*law.rights, *law.duties] for lang, text in r.citation.items()]
    assert cited and [c for c in cited if re.search(r"\s\(", c[2])] == []


GENDERED = ("mit ihrer Stimme", "die sie geschrieben hat", "mit seiner Stimme", "die er geschrieben hat")


def test_option_labels_about_the_person_who_died_are_not_gendered_in_german() -> None:
    """The person who died may be a man or a woman; the labels the documents quote say "die Person"."""
    labels = [o.label.get("de", "") for q in _main().questions() for o in q.options]
    assert labels and [label for label in labels if any(g in label for g in GENDERED)] == []


def test_a_support_line_does_not_repeat_its_name_or_number() -> None:
    """Documents print "name · contact": a number in both, or a contact that is the name again, reads twice."""
    for r in _main().support:
        for lang in ("en", "de"):
            name, contact = r.name[lang], r.contact[lang]
            assert not set(re.findall(r"\d{3,}", name)) & set(re.findall(r"\d{3,}", contact)), name
            assert not ({w for w in re.findall(r"\w{4,}", contact.lower())} >= {"hausarzt", "praxis"} and
                        "haus" in name.lower()), (name, contact)


def test_the_closest_family_finding_reads_right_for_one_person_in_german() -> None:
    """„Noch nicht gefragt: Julia Berger (Kind). …“ must not go on with a plural („sie sind die engste Familie“)."""
    scenario = Path(__file__).parent / "scenarios" / "funeral-wave-widow-agrees-child-not-asked.json"
    assessment, checklist = read_assessment(scenario, load_catalog())
    found = [f for f in evaluate(checklist, assessment, dt.date(2026, 12, 2)).findings if f.id == "family_not_asked"]
    text = words(found[0].message, "de")
    assert text.startswith("Noch nicht gefragt: Julia Berger (Kind).") and "sie sind" not in text
