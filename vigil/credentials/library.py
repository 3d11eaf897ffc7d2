"""The one place that talks to c2pa-python: contexts (offline settings), signing, reading.

Settings: no thumbnail (it would copy the picture into the metadata and adds nothing to the statement), no
network (no remote manifests, no OCSP, no timestamp authority), and the extended key usages C2PA allows.
"""

from __future__ import annotations

import json
from typing import Any, BinaryIO

import c2pa

from vigil.credentials import CertificateError, CredentialsError, FormatError
from vigil.credentials.certs import TRUST_CONFIG, SigningMaterial

OFFLINE: dict[str, Any] = {
    "verify": {"remote_manifest_fetch": False, "ocsp_fetch": False},
    "trust": {"trust_config": TRUST_CONFIG},
}


def _context(builder: dict[str, Any] | None = None, anchors: bytes | None = None) -> c2pa.Context:
    settings: dict[str, Any] = json.loads(json.dumps(OFFLINE))
    if builder:
        settings["builder"] = builder
    if anchors:
        settings["trust"]["user_anchors"] = anchors.decode("ascii", errors="replace")
    return c2pa.Context.from_dict(settings)


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())[:300]


def has_credentials(source: BinaryIO, media_type: str) -> bool:
    """Whether ``source`` already carries a C2PA manifest (left at its start)."""
    try:
        with _context() as context:
            reader = c2pa.Reader.try_create(media_type, source, None, context)
            if reader is not None:
                reader.close()
            return reader is not None
    except c2pa.C2paError:
        return False  # unreadable credentials: signing will replace them
    finally:
        source.seek(0)


def sign(source: BinaryIO, dest: BinaryIO, media_type: str, manifest: dict[str, Any], material: SigningMaterial,
         *, parent: bool = False) -> None:
    """Embed ``manifest`` signed with ``material`` while copying ``source`` to ``dest``.

    With ``parent``, the source becomes the parent ingredient (its own credentials kept) and the library adds
    ``c2pa.opened`` as the first action, as C2PA requires before ``c2pa.edited``.
    """
    builder_settings: dict[str, Any] = {"thumbnail": {"enabled": False}}
    if parent:
        builder_settings["intent"] = "edit"
    try:
        signer = c2pa.Signer.from_info(c2pa.C2paSignerInfo(
            alg=material.alg.encode("ascii"), sign_cert=material.chain_pem, private_key=material.key_pem,
            ta_url=None))
        with _context(builder_settings) as context, c2pa.Builder(manifest, context=context) as builder:
            builder.sign(signer, media_type, source, dest)
    except c2pa.C2paError.Signature as exc:
        raise CertificateError(f"the C2PA library rejected the signing certificate or key ({_one_line(exc)}); "
                               "C2PA needs a certificate issued by a CA, with digitalSignature key usage and "
                               "the emailProtection or documentSigning extended key usage") from None
    except c2pa.C2paError.NotSupported as exc:
        raise FormatError(f"the C2PA library cannot embed Content Credentials in this file ({_one_line(exc)})") \
            from None
    except c2pa.C2paError as exc:
        raise CredentialsError(f"the C2PA library could not stamp this file: {_one_line(exc)}") from None


def read(source: BinaryIO, media_type: str, anchors: bytes | None) -> dict[str, Any] | None:
    """The manifest store as JSON (``None`` when the file carries no Content Credentials).

    Raises ``CredentialsError`` when the file cannot be parsed at all (often: it was damaged or altered).
    """
    try:
        with _context(anchors=anchors) as context:
            reader = c2pa.Reader.try_create(media_type, source, None, context)
            if reader is None:
                return None
            with reader:
                data: dict[str, Any] = json.loads(reader.json())
                return data
    except c2pa.C2paError as exc:
        raise CredentialsError(f"the file's Content Credentials cannot be read ({_one_line(exc)}); the file "
                               "may be damaged or altered") from None
