"""Realistic assessments (tests/scenarios/*.json) and the verdicts the sources lead us to expect.

Each expectation below was written from the domain brief (§2 law, §4 cases, §6 red flags and proceed-with-
conditions patterns) before the engine was run on the file; the reasoning is in each scenario's ``why``.
``reasons`` are findings that must be among the verdict's reasons (the findings of the worst severity);
``also`` are findings that must be present at a lower severity.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from vigil.assessment_file import read_assessment
from vigil.catalog import Catalog, load_catalog
from vigil.engine import evaluate
from vigil.models.results import Evaluation

TODAY = dt.date(2026, 11, 22)
HERE = Path(__file__).parent / "scenarios"


@dataclass(frozen=True)
class Expected:
    verdict: str
    reasons: set[str]
    why: str
    also: set[str] = field(default_factory=set)
    absent: set[str] = field(default_factory=set)
    jurisdictions: set[str] = field(default_factory=set)


SCENARIOS: dict[str, Expected] = {
    "soldier-farewell-family-agrees": Expected(
        verdict="proceed_with_conditions",
        reasons={"wishes_unknown", "no_machine_mark"},
        absent={"family_objects", "consent_refused", "consent_outstanding", "family_not_asked"},
        jurisdictions={"ru"},
        why=(
            "Brief §6.2, first pattern: a family-commissioned private memorial clip (the Russian 'stairway to "
            "heaven' clips, §4 case 11) may go ahead when the legally relevant relatives agree - under Russian "
            "Civil Code art. 152.1 the widow; the parents agree too, in writing. Nothing he said in life is "
            "known, so the family decides and no opinions are put in his mouth (movement only). The service adds "
            "no C2PA mark, which §6.2 lists as a condition. No red flag of §6.1 applies, so: proceed with "
            "conditions, not ready."
        ),
    ),
    "soldier-farewell-mother-objects": Expected(
        verdict="stop",
        reasons={"family_objects"},
        absent={"consent_refused", "relative_objects"},
        jurisdictions={"ru"},
        why=(
            "The same clip, but the soldier left no wife or children, so his parents are his closest family (the "
            "relatives Russian Civil Code art. 152.1 names after the spouse and children). The clip is for the "
            "family only, which art. 152.1 (publication and use of the image) does not reach, so no consent is "
            "legally required - but his mother says no, and a refusal by the closest family is something the "
            "maker cannot put right alone (§6.1 red flag 1, the severity principle): stop, as one finding."
        ),
    ),
    "documentary-voice-widow-not-asked": Expected(
        verdict="resolve_first",
        reasons={"consent_outstanding", "credits_only_not_artistic"},
        also={"written_words_voiced"},
        absent={"consent_refused", "family_not_asked"},
        jurisdictions={"de", "eu_ai_act"},
        why=(
            "The Roadrunner pattern (§4 case 1, §6.2): a documentary voices a chef's written words with a clone. "
            "His widow is his heir and, as his spouse, one of the relatives whose consent KUG § 22 requires for "
            "ten years after death when the film is shown in Germany; she was never asked. Someone else must "
            "still decide, so: resolve first (design, severity principle), naming her - not stop, since she has "
            "not refused. A realistic synthetic voice disclosed only in the credits is not enough outside "
            "evidently artistic works (AI Act Art. 50(4), §1.1), so that must be resolved too."
        ),
    ),
    "museum-estate-licence": Expected(
        verdict="proceed_with_conditions",
        reasons={"written_words_voiced"},
        absent={"likeness_not_licensed", "undisclosed_realistic", "endorsement_unauthorised"},
        jurisdictions={"es", "us_federal"},
        why=(
            "The Dalí Lives pattern (§4 case 2, §6.2 'artistic/creative works'): a museum recreates a painter who "
            "died decades ago, under a written licence from the foundation that holds his rights, with his own "
            "written words, overtly presented as AI from the first moment. It can go ahead on the condition "
            "that the synthetic voice is disclosed while it speaks (Roadrunner lesson); nothing blocks."
        ),
    ),
    "chatbot-parent-for-young-children": Expected(
        verdict="stop",
        reasons={"avatar_for_children"},
        also={"unsolicited_messages", "others_undecided", "afterlife_claims", "recent_loss_avatar",
              "no_retirement_plan"},
        jurisdictions={"de", "eu_ai_act"},
        why=(
            "§6.1 red flag 9: an interactive bot aimed at children. Hollanek & Nowaczyk-Basińska recommend "
            "re-creation services for adults only and warn of children being told a dead parent is 'still with "
            "you' (§3.1, §3.7). The bot also sends unsolicited messages ('digitally stalked by the dead') and the "
            "death was eight months ago - these are listed but the children make it a stop."
        ),
    ),
    "tiktok-murdered-child-stranger": Expected(
        verdict="stop",
        reasons={"minor_realistic_public", "victim_describes_death_public", "tiktok_private_person",
                 "unlicensed_material", "undisclosed_realistic"},
        also={"stranger_public", "family_not_asked"},
        why=(
            "§4 case 16 and §6.1 red flags 4, 6 and 8: a stranger's realistic, unlabelled TikTok clip of a murdered "
            "child narrating her death, made from news images without a licence and without asking the family. "
            "YouTube removes such content, TikTok bans synthetic media of private and young people, and "
            "undisclosed realistic content is deception (AI Act Art. 50 where it reaches the EU)."
        ),
    ),
    "political-ad-dead-politician": Expected(
        verdict="stop",
        reasons={"political_words_by_others", "consent_refused"},
        also={"consent_outstanding", "election_window", "credits_only_not_artistic", "realistic_new_words"},
        jurisdictions={"de", "eu_ai_act"},
        why=(
            "§6.1 red flag 7: a campaign puts a political endorsement in a dead former mayor's mouth weeks before "
            "an election, disclosed only in small print; and red flag 1: his son (whose consent KUG § 22 requires "
            "within ten years) objects and his widow was not asked. Stop."
        ),
    ),
    "private-animated-photo-recorded-consent": Expected(
        verdict="ready",
        reasons=set(),
        jurisdictions={"de", "eu_ai_act"},
        why=(
            "Accepted cases had the person's own participation in life (§4: HereAfter, Eternos). The grandmother "
            "recorded on video that she wanted her photos animated for the family, without words she never said; "
            "both children (the relatives KUG § 22 names, her husband died before her) agreed in writing; it is "
            "private, labelled at the start, C2PA-marked, and the working files are deleted on delivery. Nothing "
            "remains outstanding."
        ),
    ),
    "legacy-avatar-made-in-life": Expected(
        verdict="proceed_with_conditions",
        reasons={"no_retirement_plan", "provider_failure_unplanned"},
        absent={"avatar_for_children", "no_off_switch", "interactants_not_willing"},
        jurisdictions={"de", "eu_ai_act"},
        why=(
            "§6.2 'pre-mortem legacy avatars' (Eternos, HereAfter, Re;memory): the man built it himself before he "
            "died, his wife wanted it, adults only, with an off switch. The pattern's conditions are a retirement "
            "plan and a plan for vendor failure (StoryFile, §4); both are still missing, so: proceed with "
            "conditions."
        ),
    ),
    "funeral-clip-wishes-unknown": Expected(
        verdict="resolve_first",
        reasons={"unknown.prohibition"},
        also={"others_undecided"},
        absent={"family_objects", "consent_outstanding", "consent_refused"},
        jurisdictions={"at"},
        why=(
            "Design 'resolve_first': nothing blocks for good but essentials are open. Nobody knows whether the "
            "person's will restricts this (§5 D1.3; the Robin Williams trust). The clip is shown at the funeral "
            "only, which is not public showing under Austria's § 78 UrhG; his widow agrees. His brother has not "
            "decided: he is not a near relative in § 77(2) (direct line, spouse or partner), so that is advice, "
            "not a reason to hold back (the issue's severity principle)."
        ),
    ),
}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def _evaluate(name: str, catalog: Catalog) -> Evaluation:
    assessment, checklist = read_assessment(HERE / f"{name}.json", catalog)
    return evaluate(checklist, assessment, TODAY)


def test_every_file_has_an_expectation() -> None:
    files = {p.stem for p in HERE.glob("*.json")}
    assert files == set(SCENARIOS)
    assert len(files) >= 8


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_scenario(name: str, catalog: Catalog) -> None:
    expected = SCENARIOS[name]
    result = _evaluate(name, catalog)
    reasons = {f.id for f in result.verdict.reasons}
    findings = {f.id for f in result.findings}
    assert result.verdict.id.value == expected.verdict, sorted(reasons)
    assert expected.reasons <= reasons, sorted(reasons)
    assert expected.also <= findings, sorted(findings)
    assert not (expected.absent & findings), sorted(expected.absent & findings)
    assert expected.jurisdictions <= set(result.jurisdictions), result.jurisdictions
    # a realistic assessment is finished: every required visible question has an answer or a "don't know"
    assert "incomplete" not in findings, next(f.question_ids for f in result.findings if f.id == "incomplete")


def test_ready_means_no_findings_that_matter(catalog: Catalog) -> None:
    result = _evaluate("private-animated-photo-recorded-consent", catalog)
    assert [f.id for f in result.findings if f.severity.value != "info"] == []


def test_the_objection_alone_turns_go_into_stop(catalog: Catalog) -> None:
    """The two soldier files share the clip; the mother's refusal and missing spouse are what change."""
    agrees = _evaluate("soldier-farewell-family-agrees", catalog)
    objects = _evaluate("soldier-farewell-mother-objects", catalog)
    assert agrees.verdict.id.rank < objects.verdict.id.rank
