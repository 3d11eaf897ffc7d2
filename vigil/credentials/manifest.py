"""The C2PA manifest definition Vigil embeds, built from the assessment: pure, no files, no clock.

What goes in: an action (``c2pa.created``, or ``c2pa.edited`` for real footage changed with AI) with its IPTC
digital source type; a neutral title with the assessment's short reference; Vigil's own assertion
(``org.vigil.assessment``: checklist id and version, verdict, the assessment's fingerprint, the consent record's
hash when there is one); and, unless switched off, the CAWG "do not use for AI training" assertion.

What never goes in: the assessment's own title (free text that may carry a name), the person's name, the
maker's name, any answer or note. The assessment's id is left out too: it opens the assessment in the app.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from vigil import __version__, i18n
from vigil.credentials import StampRefused
from vigil.models.common import VerdictId
from vigil.models.results import Evaluation

IPTC = "http://cv.iptc.org/newscodes/digitalsourcetype/"
VIGIL_ASSERTION = "org.vigil.assessment"
VIGIL_ASSERTION_VERSION = 1
TRAINING_ASSERTION = "cawg.training-mining"
TRAINING_ENTRIES = ("cawg.ai_generative_training", "cawg.ai_training", "cawg.data_mining", "cawg.ai_inference")
GENERATOR = "Vigil"
REFERENCE_LENGTH = 10
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class Kind(StrEnum):
    """How the finished file came about."""

    created = "created"
    """Made by a generative model (an animated photo, a cloned voice, a generated clip)."""
    edited = "edited"
    """Real footage or recordings, changed with a generative model."""


ACTIONS = {Kind.created: "c2pa.created", Kind.edited: "c2pa.edited"}
SOURCE_TYPES = {
    Kind.created: IPTC + "trainedAlgorithmicMedia",
    Kind.edited: IPTC + "compositeWithTrainedAlgorithmicMedia",
}


@dataclass(frozen=True)
class StampFacts:
    """Everything the manifest says, and nothing else."""

    kind: Kind
    checklist_id: str
    checklist_version: str
    verdict: VerdictId
    fingerprint: str
    stamped_on: dt.date
    consent_sha256: str | None = None
    training_opt_out: bool = True

    @property
    def reference(self) -> str:
        return reference(self.fingerprint)


def reference(fingerprint: str) -> str:
    """The assessment's short reference: the start of its fingerprint (says nothing about anyone)."""
    return fingerprint[:REFERENCE_LENGTH]


def title(facts: StampFacts) -> str:
    """The manifest's title. Always neutral: the assessment's own title may carry a person's name."""
    return f"Memorial media made with AI - Vigil assessment {facts.reference}"


def check_consent_hash(value: str | None) -> str | None:
    """A consent record's SHA-256 in lower-case hex, or ``ValueError`` with a one-line reason."""
    if value is None or not value.strip():
        return None
    text = value.strip().lower()
    if not _SHA256.match(text):
        raise ValueError("the consent record's hash must be a SHA-256 in hexadecimal (64 characters 0-9, a-f)")
    return text


def gate(evaluation: Evaluation, confirmed: bool, lang: str) -> None:
    """Refuse a stamp on ``stop``; on ``resolve_first`` require ``confirmed``. Raises ``StampRefused``."""
    verdict = evaluation.verdict.id
    reasons = [i18n.words(f.message, lang) for f in evaluation.verdict.reasons]
    because = " ".join(r if r.endswith((".", "?", "!")) else f"{r}." for r in reasons) \
        or i18n.t(lang, "cred.refused.no_reason")
    label = i18n.t(lang, f"verdict.{verdict.value}")
    if verdict == VerdictId.stop:
        raise StampRefused(i18n.t(lang, "cred.refused.stop", reasons=because, verdict=label), reasons,
                           needs_confirmation=False)
    if verdict == VerdictId.resolve_first and not confirmed:
        raise StampRefused(i18n.t(lang, "cred.refused.confirm", reasons=because, verdict=label), reasons,
                           needs_confirmation=True)


def vigil_assertion(facts: StampFacts) -> dict[str, Any]:
    data: dict[str, Any] = {
        "version": VIGIL_ASSERTION_VERSION,
        "reference": facts.reference,
        "checklist": {"id": facts.checklist_id, "version": facts.checklist_version},
        "verdict": facts.verdict.value,
        "assessment_fingerprint": {"alg": "sha256", "hash": facts.fingerprint},
        "stamped_on": facts.stamped_on.isoformat(),
    }
    if facts.consent_sha256:
        data["consent_record"] = {"alg": "sha256", "hash": facts.consent_sha256}
    return data


def opens_parent(facts: StampFacts, has_credentials: bool) -> bool:
    """Whether the file is stamped as an edit of a parent: edited footage, or a file that already carries
    Content Credentials (e.g. from the AI tool that made it), which are kept as the parent's provenance."""
    return facts.kind == Kind.edited or has_credentials


def build_manifest(facts: StampFacts, has_credentials: bool = False) -> dict[str, Any]:
    """The manifest definition for ``c2pa.Builder``. With a parent, the library adds ``c2pa.opened`` first."""
    verb = ACTIONS[Kind.edited] if opens_parent(facts, has_credentials) else ACTIONS[facts.kind]
    action: dict[str, Any] = {"action": verb, "digitalSourceType": SOURCE_TYPES[facts.kind]}
    assertions: list[dict[str, Any]] = [
        {"label": "c2pa.actions", "data": {"actions": [action]}},
        {"label": VIGIL_ASSERTION, "data": vigil_assertion(facts)},
    ]
    if facts.training_opt_out:
        assertions.append({
            "label": TRAINING_ASSERTION,
            "data": {"entries": {entry: {"use": "notAllowed"} for entry in TRAINING_ENTRIES}},
        })
    return {
        "claim_generator_info": [{"name": GENERATOR, "version": __version__}],
        "title": title(facts),
        "assertions": assertions,
    }
