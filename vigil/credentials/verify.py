"""Read a file's Content Credentials back: are they Vigil's, are they intact, is the signer trusted, what do
they say. Vigil's local CA is given to the reader as a trust anchor when it exists on this computer.
"""

from __future__ import annotations

import io
from enum import StrEnum
from pathlib import Path
from typing import Any, BinaryIO

from pydantic import Field

from vigil.credentials import CredentialsError, library
from vigil.credentials.certs import local_trust_anchor
from vigil.credentials.formats import detect_stream
from vigil.credentials.manifest import TRAINING_ASSERTION, VIGIL_ASSERTION
from vigil.files import why_unreadable
from vigil.models.common import Frozen

UNTRUSTED = "signingCredential.untrusted"


class Status(StrEnum):
    """What a file's Content Credentials are.

    ``valid``: Vigil's credentials, intact (trusted or not: see ``Verification.trusted``). ``invalid``: credentials
    that do not match the file any more (altered after stamping) or cannot be read. ``foreign``: intact Content
    Credentials, but not Vigil's. ``none``: no Content Credentials at all.
    """

    valid = "valid"
    invalid = "invalid"
    foreign = "foreign"
    none = "none"


class Verification(Frozen):
    status: Status
    media_type: str
    vigil: bool = False
    trusted: bool = False
    problems: list[str] = Field(default_factory=list)
    """The library's failure codes and explanations (empty when valid)."""
    signer: str | None = None
    issuer: str | None = None
    title: str | None = None
    actions: list[str] = Field(default_factory=list)
    digital_source_type: str | None = None
    assessment: dict[str, Any] | None = None
    """Vigil's own assertion (``org.vigil.assessment``) as found in the file."""
    training_opt_out: bool = False


def _assertions(manifest: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for a in manifest.get("assertions") or []:
        if isinstance(a, dict) and isinstance(a.get("label"), str):
            out.setdefault(a["label"], a.get("data"))
    return out


def _failures(store: dict[str, Any]) -> list[str]:
    results = store.get("validation_results") or {}
    failures = list((results.get("activeManifest") or {}).get("failure") or [])
    for delta in results.get("ingredientDeltas") or []:
        failures += (delta.get("validationDeltas") or {}).get("failure") or []
    if not results:
        failures = list(store.get("validation_status") or [])
    return [f"{f.get('code')}: {f.get('explanation', '')}".rstrip(": ") for f in failures
            if isinstance(f, dict) and f.get("code") != UNTRUSTED]


def summarise(store: dict[str, Any] | None, media_type: str) -> Verification:
    """Turn the library's manifest store (JSON) into a ``Verification``. Pure."""
    if store is None:
        return Verification(status=Status.none, media_type=media_type)
    manifest = (store.get("manifests") or {}).get(store.get("active_manifest") or "") or {}
    assertions = _assertions(manifest)
    actions_data = assertions.get("c2pa.actions.v2") or assertions.get("c2pa.actions") or {}
    actions = [a for a in actions_data.get("actions") or [] if isinstance(a, dict)]
    source_types = [a["digitalSourceType"] for a in actions if isinstance(a.get("digitalSourceType"), str)]
    ours = assertions.get(VIGIL_ASSERTION)
    training = assertions.get(TRAINING_ASSERTION) or {}
    problems = _failures(store)
    state = store.get("validation_state")
    valid = state in ("Valid", "Trusted") and not problems
    vigil = isinstance(ours, dict)
    signature = manifest.get("signature_info") or {}
    status = Status.invalid if not valid else Status.valid if vigil else Status.foreign
    return Verification(
        status=status,
        media_type=media_type,
        vigil=vigil,
        trusted=valid and state == "Trusted",
        problems=[] if valid else problems or [f"validation state: {state}"],
        signer=signature.get("common_name"),
        issuer=signature.get("issuer"),
        title=manifest.get("title"),
        actions=[str(a.get("action")) for a in actions],
        digital_source_type=source_types[-1] if source_types else None,
        assessment=ours if vigil else None,
        training_opt_out=any(isinstance(v, dict) and v.get("use") == "notAllowed"
                             for v in (training.get("entries") or {}).values()),
    )


def verify_stream(source: BinaryIO, anchors: bytes | None) -> Verification:
    fmt = detect_stream(source)
    try:
        store = library.read(source, fmt.media_type, anchors)
    except CredentialsError as exc:
        return Verification(status=Status.invalid, media_type=fmt.media_type, problems=[str(exc)])
    return summarise(store, fmt.media_type)


def verify_bytes(data: bytes, anchors: bytes | None = None) -> Verification:
    return verify_stream(io.BytesIO(data), anchors)


def verify_file(path: Path, anchors: bytes | None = None) -> Verification:
    try:
        with path.open("rb") as f:
            return verify_stream(f, anchors)
    except OSError as exc:
        raise CredentialsError(why_unreadable(path, exc, "a media file")) from None


def default_anchors() -> bytes | None:
    """Vigil's local CA, when there is one on this computer."""
    return local_trust_anchor()
