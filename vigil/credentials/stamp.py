"""Stamp a finished file: check the verdict, build the manifest, sign, and say what was done.

A failed signing never leaves a half-written file: the output is written to a temporary file beside the
target and renamed onto it only when signing succeeded.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from vigil.assessment_file import fingerprint
from vigil.credentials import CredentialsError, library
from vigil.credentials.certs import SigningMaterial
from vigil.credentials.formats import MediaFormat, detect_stream
from vigil.credentials.manifest import Kind, StampFacts, build_manifest, gate, opens_parent
from vigil.files import why_unreadable
from vigil.models.assessment import Assessment, StampRecord
from vigil.models.results import Evaluation

_CHUNK = 1 << 20
_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class Stamped:
    format: MediaFormat
    record: StampRecord


def stamp_facts(assessment: Assessment, evaluation: Evaluation, today: dt.date, *, kind: Kind = Kind.created,
                consent_sha256: str | None = None, training_opt_out: bool = True, confirmed: bool = False,
                lang: str = "en") -> StampFacts:
    """What the stamp will say, after the verdict allows it (``StampRefused`` otherwise)."""
    gate(evaluation, confirmed, lang)
    return StampFacts(
        kind=kind,
        checklist_id=assessment.checklist.id,
        checklist_version=assessment.checklist.version,
        verdict=evaluation.verdict.id,
        fingerprint=fingerprint(assessment),
        stamped_on=today,
        consent_sha256=consent_sha256,
        training_opt_out=training_opt_out,
    )


def _sha256(f: BinaryIO) -> str:
    f.seek(0)
    digest = hashlib.sha256()
    while chunk := f.read(_CHUNK):
        digest.update(chunk)
    return digest.hexdigest()


def stamp_stream(source: BinaryIO, dest: BinaryIO, facts: StampFacts, material: SigningMaterial) -> Stamped:
    """Copy ``source`` to ``dest`` (both seekable) with Content Credentials embedded."""
    fmt = detect_stream(source)
    existing = library.has_credentials(source, fmt.media_type)
    library.sign(source, dest, fmt.media_type, build_manifest(facts, existing), material,
                 parent=opens_parent(facts, existing))
    record = StampRecord(date=facts.stamped_on, media_type=fmt.media_type, sha256=_sha256(dest),
                         signer=material.subject, assessment_fingerprint=facts.fingerprint)
    return Stamped(fmt, record)


def stamp_bytes(data: bytes, facts: StampFacts, material: SigningMaterial) -> tuple[bytes, Stamped]:
    out = io.BytesIO()
    stamped = stamp_stream(io.BytesIO(data), out, facts, material)
    return out.getvalue(), stamped


def stamp_file(source: Path, output: Path, facts: StampFacts, material: SigningMaterial) -> Stamped:
    """Stamp ``source`` into ``output``; on any failure ``output`` is left as it was."""
    if output.exists() and source.exists() and output.resolve() == source.resolve():
        raise CredentialsError("the output would replace the original file; give another name with -o")
    if output.is_dir():
        raise CredentialsError(f"{str(output)!r} is a folder; give a file name with -o")
    folder = output.parent if str(output.parent) else Path()
    if not folder.is_dir():
        raise CredentialsError(f"cannot write {str(output)!r}: the folder {str(folder)!r} does not exist")
    try:
        src = source.open("rb")
    except OSError as exc:
        raise CredentialsError(why_unreadable(source, exc, "a media file")) from None
    try:
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=".vigil-stamp-", suffix=".part")
    except OSError as exc:
        src.close()
        raise CredentialsError(f"cannot write in the folder {str(folder)!r}: {exc.strerror}") from None
    tmp = Path(tmp_name)
    try:
        with src, os.fdopen(fd, "w+b") as dest:
            stamped = stamp_stream(src, dest, facts, material)
            dest.flush()
            os.fsync(dest.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, output)
    except OSError as exc:
        raise CredentialsError(f"cannot write {str(output)!r}: {exc.strerror}") from None
    finally:
        tmp.unlink(missing_ok=True)
    return stamped


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def with_record(assessment: Assessment, record: StampRecord) -> Assessment:
    """The assessment with ``record`` added to its stamps (nothing else changes)."""
    return assessment.model_copy(update={"stamps": [*assessment.stamps, record]})


def output_name(assessment: Assessment, facts: StampFacts, fmt: MediaFormat) -> str:
    """A file name for the stamped file: the maker's reference for the commission (``meta.reference``, letters,
    digits, ``.``, ``_`` and ``-`` only) or else the assessment's short reference, and the date. Never the
    uploaded file's name or the assessment's title: either may carry a person's name."""
    own = _SAFE.sub("-", assessment.meta.reference.strip()).strip("-.")[:40]
    return f"vigil-stamped-{own or facts.reference}-{facts.stamped_on.isoformat()}.{fmt.extension}"
