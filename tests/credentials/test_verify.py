"""Reading the library's manifest store into a verdict on the file (pure)."""

from __future__ import annotations

from typing import Any

from vigil.credentials.manifest import VIGIL_ASSERTION
from vigil.credentials.verify import Status, summarise


def _store(state: str, failures: list[dict[str, str]] | None = None, ours: bool = True) -> dict[str, Any]:
    assertions: list[dict[str, Any]] = [{"label": "c2pa.actions.v2", "data": {"actions": [{"action": "c2pa.created"}]}}]
    if ours:
        assertions.append({"label": VIGIL_ASSERTION, "data": {"verdict": "ready"}})
    return {
        "active_manifest": "m1",
        "manifests": {"m1": {"title": "t", "assertions": assertions,
                             "signature_info": {"common_name": "Signer", "issuer": "CA"}}},
        "validation_state": state,
        "validation_results": {"activeManifest": {"success": [], "failure": failures or []}},
    }


def test_no_store_means_no_credentials() -> None:
    assert summarise(None, "image/png").status == Status.none


def test_untrusted_signer_alone_is_still_valid() -> None:
    v = summarise(_store("Valid", [{"code": "signingCredential.untrusted", "explanation": "x"}]), "image/png")
    assert v.status == Status.valid and not v.trusted and v.problems == []


def test_trusted() -> None:
    v = summarise(_store("Trusted"), "image/png")
    assert v.status == Status.valid and v.trusted and v.signer == "Signer"


def test_any_other_failure_makes_it_invalid_and_names_it() -> None:
    v = summarise(_store("Valid", [{"code": "assertion.dataHash.mismatch", "explanation": "hash"}]), "image/png")
    assert v.status == Status.invalid and not v.trusted
    assert v.problems == ["assertion.dataHash.mismatch: hash"]


def test_invalid_state_without_failures_still_says_why() -> None:
    v = summarise(_store("Invalid"), "image/png")
    assert v.status == Status.invalid and v.problems == ["validation state: Invalid"]


def test_someone_elses_credentials() -> None:
    v = summarise(_store("Valid", ours=False), "image/png")
    assert v.status == Status.foreign and not v.vigil and v.assessment is None
