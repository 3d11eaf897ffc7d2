"""Stamp small files of every supported format, read them back, and catch files altered afterwards."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from tests.credentials import media
from tests.credentials.conftest import READY, TODAY, personal_strings, scenario
from vigil.credentials import CertificateError, CredentialsError, library
from vigil.credentials.certs import SigningMaterial, local_trust_anchor
from vigil.credentials.manifest import IPTC, Kind
from vigil.credentials.stamp import output_name, stamp_bytes, stamp_facts, stamp_file, with_record
from vigil.credentials.verify import Status, verify_bytes

FORMATS = list(media.MAKERS)


def _work(tmp_path: Path) -> Path:
    """A folder of its own (the test's data folder lives beside it)."""
    folder = tmp_path / "work"
    folder.mkdir()
    return folder


def _facts(kind: Kind = Kind.created, consent: str | None = None):  # type: ignore[no-untyped-def]
    assessment, _, evaluation = scenario(READY)
    return assessment, stamp_facts(assessment, evaluation, TODAY, kind=kind, consent_sha256=consent)


@pytest.mark.parametrize("media_type", FORMATS)
def test_every_format_signs_and_reads_back(media_type: str, local: SigningMaterial) -> None:
    assessment, facts = _facts(consent="cd" * 32)
    out, stamped = stamp_bytes(media.MAKERS[media_type](), facts, local)
    assert stamped.format.media_type == media_type
    untrusted = verify_bytes(out)
    assert untrusted.status == Status.valid and untrusted.vigil and not untrusted.trusted
    v = verify_bytes(out, local_trust_anchor())
    assert v.status == Status.valid and v.trusted
    assert v.actions == ["c2pa.created"]
    assert v.digital_source_type == IPTC + "trainedAlgorithmicMedia"
    assert v.training_opt_out
    assert v.assessment is not None
    assert v.assessment["verdict"] == "ready"
    assert v.assessment["checklist"] == {"id": assessment.checklist.id, "version": assessment.checklist.version}
    assert v.assessment["assessment_fingerprint"]["hash"] == facts.fingerprint
    assert v.assessment["consent_record"]["hash"] == "cd" * 32
    assert v.signer == "Vigil local signer"


@pytest.mark.parametrize("media_type", FORMATS)
def test_a_file_altered_after_stamping_is_caught(media_type: str, local: SigningMaterial) -> None:
    _, facts = _facts()
    out, _ = stamp_bytes(media.MAKERS[media_type](), facts, local)
    altered = media.alter(media_type, out)
    assert altered != out
    v = verify_bytes(altered, local_trust_anchor())
    assert v.status == Status.invalid
    assert v.problems
    assert not v.trusted


@pytest.mark.parametrize("media_type", FORMATS)
def test_no_personal_data_in_the_output(media_type: str, local: SigningMaterial) -> None:
    assessment, facts = _facts()
    original = media.MAKERS[media_type]()
    out, _ = stamp_bytes(original, facts, local)
    strings = personal_strings(assessment)
    assert "Oma Hilde" in strings  # the scenario's title names the person: it must not travel with the file
    for s in strings:
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            assert s.encode(encoding) not in out, s
    assert assessment.id.encode() not in out


def test_edited_footage_says_opened_then_edited(local: SigningMaterial) -> None:
    _, facts = _facts(Kind.edited)
    out, _ = stamp_bytes(media.mp4(), facts, local)
    v = verify_bytes(out, local_trust_anchor())
    assert v.status == Status.valid
    assert v.actions == ["c2pa.opened", "c2pa.edited"]
    assert v.digital_source_type == IPTC + "compositeWithTrainedAlgorithmicMedia"


@pytest.mark.parametrize("kind", list(Kind))
def test_credentials_already_in_the_file_are_kept_as_the_parent(kind: Kind, local: SigningMaterial) -> None:
    """A file that carries credentials (e.g. from the AI tool that made it) keeps them: Vigil's manifest opens
    it as its parent and records an edit, instead of silently dropping the earlier provenance."""
    _, facts = _facts()
    first, _ = stamp_bytes(media.m4a(), facts, local)
    _, again = _facts(kind)
    second, _ = stamp_bytes(first, again, local)
    v = verify_bytes(second, local_trust_anchor())
    assert v.status == Status.valid
    assert v.actions == ["c2pa.opened", "c2pa.edited"]
    store = library.read(io.BytesIO(second), "audio/mp4", local_trust_anchor())
    assert store is not None and len(store["manifests"]) == 2


def test_training_opt_out_can_be_left_out(local: SigningMaterial) -> None:
    assessment, _, evaluation = scenario(READY)
    facts = stamp_facts(assessment, evaluation, TODAY, training_opt_out=False)
    out, _ = stamp_bytes(media.image("PNG"), facts, local)
    assert not verify_bytes(out).training_opt_out


def test_record_says_what_was_stamped_without_names(local: SigningMaterial) -> None:
    assessment, facts = _facts()
    out, stamped = stamp_bytes(media.wav(), facts, local)
    record = stamped.record
    import hashlib
    assert record.sha256 == hashlib.sha256(out).hexdigest()
    assert record.media_type == "audio/wav" and record.date == TODAY
    assert record.assessment_fingerprint == facts.fingerprint
    updated = with_record(assessment, record)
    assert updated.stamps == [record] and updated.answers == assessment.answers
    assert json.dumps(record.model_dump(mode="json")).isascii()


def test_output_name_has_reference_and_date_only() -> None:
    assessment, facts = _facts()
    from vigil.credentials.formats import MP4
    assert output_name(assessment, facts, MP4) == f"vigil-stamped-{facts.fingerprint[:10]}-2026-12-01.mp4"
    assessment.meta.reference = "K-2026/118 ü"
    assert output_name(assessment, facts, MP4) == "vigil-stamped-K-2026-118-2026-12-01.mp4"


def test_stamp_file_writes_the_output(tmp_path: Path, local: SigningMaterial) -> None:
    _, facts = _facts()
    tmp_path = _work(tmp_path)
    src = tmp_path / "Oma Hilde final.jpg"
    src.write_bytes(media.image("JPEG"))
    out = tmp_path / "out.jpg"
    stamped = stamp_file(src, out, facts, local)
    assert verify_bytes(out.read_bytes()).status == Status.valid
    assert stamped.record.sha256
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Oma Hilde final.jpg", "out.jpg"]


def test_failed_signing_leaves_no_output_and_keeps_an_existing_one(tmp_path: Path, local: SigningMaterial,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    _, facts = _facts()
    tmp_path = _work(tmp_path)
    src = tmp_path / "in.mp4"
    src.write_bytes(media.mp4())

    def half_then_fail(source: io.BufferedIOBase, dest: io.BufferedIOBase, *args: object, **kw: object) -> None:
        dest.write(b"half a file")
        raise CredentialsError("the C2PA library could not stamp this file: simulated")

    monkeypatch.setattr(library, "sign", half_then_fail)
    out = tmp_path / "out.mp4"
    with pytest.raises(CredentialsError, match="simulated"):
        stamp_file(src, out, facts, local)
    assert not out.exists()
    out.write_bytes(b"an earlier output")
    with pytest.raises(CredentialsError):
        stamp_file(src, out, facts, local)
    assert out.read_bytes() == b"an earlier output"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.mp4", "out.mp4"]


def test_a_certificate_the_library_rejects_leaves_no_output(tmp_path: Path) -> None:
    """A real failure inside the library (no simulation): the key does not fit, no file is left behind."""
    from tests.credentials.certs import TestCA
    _, facts = _facts()
    tmp_path = _work(tmp_path)
    ca = TestCA()
    chain, _ = ca.leaf()
    _, other = ca.leaf()
    material = SigningMaterial(chain_pem=chain, key_pem=other, alg="es256", subject="x", local=False)
    src = tmp_path / "in.png"
    src.write_bytes(media.image("PNG"))
    with pytest.raises(CertificateError):
        stamp_file(src, tmp_path / "out.png", facts, material)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.png"]


def test_the_original_is_never_replaced(tmp_path: Path, local: SigningMaterial) -> None:
    _, facts = _facts()
    tmp_path = _work(tmp_path)
    src = tmp_path / "in.jpg"
    src.write_bytes(media.image("JPEG"))
    with pytest.raises(CredentialsError, match="replace the original"):
        stamp_file(src, src, facts, local)


def test_unsupported_file_is_refused_before_signing(local: SigningMaterial) -> None:
    _, facts = _facts()
    with pytest.raises(CredentialsError, match="cannot recognise"):
        stamp_bytes(b"GIF89a" + b"\0" * 64, facts, local)
