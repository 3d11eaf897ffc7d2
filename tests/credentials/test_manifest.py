"""The manifest definition (pure) and the verdict gate."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tests.credentials.conftest import READY, RESOLVE_FIRST, STOP, TODAY, personal_strings, scenario
from vigil.assessment_file import fingerprint
from vigil.credentials import StampRefused
from vigil.credentials.manifest import (
    IPTC,
    TRAINING_ASSERTION,
    VIGIL_ASSERTION,
    Kind,
    StampFacts,
    build_manifest,
    check_consent_hash,
    gate,
)
from vigil.credentials.stamp import stamp_facts
from vigil.i18n import words
from vigil.models.common import VerdictId

FP = "ab" * 32


def facts(**change: object) -> StampFacts:
    base: dict[str, object] = {
        "kind": Kind.created, "checklist_id": "memorial_media", "checklist_version": "2026.11",
        "verdict": VerdictId.ready, "fingerprint": FP, "stamped_on": dt.date(2026, 12, 1),
    }
    return StampFacts(**{**base, **change})  # type: ignore[arg-type]


def _assertion(manifest: dict[str, object], label: str) -> dict[str, object] | None:
    for a in manifest["assertions"]:  # type: ignore[attr-defined]
        if a["label"] == label:
            return a["data"]  # type: ignore[no-any-return]
    return None


def test_created_is_marked_as_trained_algorithmic_media() -> None:
    m = build_manifest(facts())
    actions = _assertion(m, "c2pa.actions")["actions"]  # type: ignore[index]
    assert actions == [{"action": "c2pa.created", "digitalSourceType": IPTC + "trainedAlgorithmicMedia"}]


def test_edited_footage_is_marked_as_composite() -> None:
    actions = _assertion(build_manifest(facts(kind=Kind.edited)), "c2pa.actions")["actions"]  # type: ignore[index]
    assert actions == [{"action": "c2pa.edited", "digitalSourceType": IPTC + "compositeWithTrainedAlgorithmicMedia"}]


def test_vigil_assertion_carries_checklist_verdict_fingerprint_and_consent_hash() -> None:
    data = _assertion(build_manifest(facts(consent_sha256="cd" * 32, verdict=VerdictId.resolve_first)),
                      VIGIL_ASSERTION)
    assert data == {
        "version": 1, "reference": FP[:10], "checklist": {"id": "memorial_media", "version": "2026.11"},
        "verdict": "resolve_first", "assessment_fingerprint": {"alg": "sha256", "hash": FP},
        "stamped_on": "2026-12-01", "consent_record": {"alg": "sha256", "hash": "cd" * 32},
    }


def test_no_consent_record_no_consent_field() -> None:
    assert "consent_record" not in _assertion(build_manifest(facts()), VIGIL_ASSERTION)  # type: ignore[operator]


def test_training_opt_out_on_by_default_and_can_be_left_out() -> None:
    entries = _assertion(build_manifest(facts()), TRAINING_ASSERTION)["entries"]  # type: ignore[index]
    assert entries["cawg.ai_generative_training"] == {"use": "notAllowed"}
    assert entries["cawg.ai_training"] == {"use": "notAllowed"}
    assert _assertion(build_manifest(facts(training_opt_out=False)), TRAINING_ASSERTION) is None


def test_title_is_neutral_with_the_reference() -> None:
    assert build_manifest(facts())["title"] == f"Memorial media made with AI - Vigil assessment {FP[:10]}"


@pytest.mark.parametrize("name", [READY, RESOLVE_FIRST, STOP])
def test_no_personal_text_and_no_assessment_id_in_the_manifest(name: str) -> None:
    assessment, _, evaluation = scenario(name)
    f = stamp_facts(assessment, evaluation, TODAY, consent_sha256="cd" * 32, confirmed=True) \
        if evaluation.verdict.id != VerdictId.stop else facts(fingerprint=fingerprint(assessment))
    text = json.dumps(build_manifest(f), ensure_ascii=False)
    strings = personal_strings(assessment)
    assert strings, "the scenario should carry names to look for"
    for s in strings:
        assert s not in text
    assert assessment.id not in text


@pytest.mark.parametrize("value", ["xyz", "ab" * 31, "g" * 64])
def test_consent_hash_must_be_sha256(value: str) -> None:
    with pytest.raises(ValueError, match="SHA-256"):
        check_consent_hash(value)


def test_consent_hash_normalised() -> None:
    assert check_consent_hash(" " + "AB" * 32 + " ") == "ab" * 32
    assert check_consent_hash("") is None


def test_stop_is_refused_with_the_reasons() -> None:
    _, _, evaluation = scenario(STOP)
    assert evaluation.verdict.id == VerdictId.stop
    with pytest.raises(StampRefused) as err:
        gate(evaluation, confirmed=True, lang="en")
    reason = words(evaluation.verdict.reasons[0].message, "en")
    assert reason in str(err.value)
    assert not err.value.needs_confirmation
    assert "\n" not in str(err.value)


def test_stop_is_refused_in_german_too() -> None:
    _, _, evaluation = scenario(STOP)
    with pytest.raises(StampRefused, match="versieht dieses Werk nicht"):
        gate(evaluation, confirmed=False, lang="de")


def test_resolve_first_needs_confirmation() -> None:
    _, _, evaluation = scenario(RESOLVE_FIRST)
    assert evaluation.verdict.id == VerdictId.resolve_first
    with pytest.raises(StampRefused) as err:
        gate(evaluation, confirmed=False, lang="en")
    assert err.value.needs_confirmation
    gate(evaluation, confirmed=True, lang="en")


def test_ready_needs_nothing() -> None:
    _, _, evaluation = scenario(READY)
    assert evaluation.verdict.id == VerdictId.ready
    gate(evaluation, confirmed=False, lang="en")
