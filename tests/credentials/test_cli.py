"""``vigil stamp`` and ``vigil verify``: exit codes, messages, the record in the assessment file."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from tests.credentials import media
from tests.credentials.certs import TestCA, pem, self_signed
from tests.credentials.conftest import READY, RESOLVE_FIRST, SCENARIOS, STOP, scenario
from vigil.cli import main
from vigil.credentials import library
from vigil.credentials.certs import local_material
from vigil.i18n import words
from vigil.models.assessment import Assessment


def _setup(tmp_path: Path, scenario_name: str, data: bytes | None = None) -> tuple[Path, Path, Path]:
    work = tmp_path / "work"
    work.mkdir()
    assessment = work / "assessment.json"
    shutil.copy(SCENARIOS / scenario_name, assessment)
    src = work / "finished.jpg"
    src.write_bytes(data if data is not None else media.image("JPEG"))
    return assessment, src, work / "stamped.jpg"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_stamp_then_verify(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assessment, src, out = _setup(tmp_path, READY)
    before = json.loads(assessment.read_text(encoding="utf-8"))
    code, stdout, _ = _run(capsys, "stamp", str(assessment), str(src), "-o", str(out), "--today", "2026-12-01")
    assert code == 0
    assert "untrusted signer" in stdout
    after = json.loads(assessment.read_text(encoding="utf-8"))
    stamps = after.pop("stamps")
    assert Assessment.model_validate(after) == Assessment.model_validate(before)  # nothing else changed
    assert len(stamps) == 1 and stamps[0]["media_type"] == "image/jpeg" and stamps[0]["date"] == "2026-12-01"
    code, stdout, _ = _run(capsys, "verify", str(out))
    assert code == 0
    assert "Vigil's Content Credentials: intact." in stdout
    assert "trusted on this computer" in stdout
    code, stdout, _ = _run(capsys, "verify", str(out), "--json")
    report = json.loads(stdout)
    assert code == 0 and report["status"] == "valid" and report["vigil"] and report["trusted"]
    assert report["assessment"]["assessment_fingerprint"]["hash"] == stamps[0]["assessment_fingerprint"]


def test_no_record(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assessment, src, out = _setup(tmp_path, READY)
    before = assessment.read_bytes()
    code, _, _ = _run(capsys, "stamp", str(assessment), str(src), "-o", str(out), "--no-record")
    assert code == 0 and assessment.read_bytes() == before


def test_stop_is_refused_with_its_reasons(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assessment, src, out = _setup(tmp_path, STOP)
    code, _, err = _run(capsys, "stamp", str(assessment), str(src), "-o", str(out), "--confirm",
                        "--today", "2026-12-01")
    assert code == 1
    _, _, evaluation = scenario(STOP)
    reason = words(evaluation.verdict.reasons[0].message, "en")
    assert "does not put Content Credentials" in err and reason in err
    assert not out.exists()


def test_resolve_first_needs_confirm(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assessment, src, out = _setup(tmp_path, RESOLVE_FIRST)
    args = ["stamp", str(assessment), str(src), "-o", str(out), "--today", "2026-12-01"]
    code, _, err = _run(capsys, *args)
    assert code == 1 and "--confirm" in err and not out.exists()
    code, _, _ = _run(capsys, *args, "--confirm")
    assert code == 0 and out.exists()


def test_rejected_certificate_one_line_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assessment, src, out = _setup(tmp_path, READY)
    chain, key = self_signed()
    (tmp_path / "c.pem").write_bytes(chain)
    (tmp_path / "k.pem").write_bytes(key)
    code, _, err = _run(capsys, "stamp", str(assessment), str(src), "-o", str(out),
                        "--cert", str(tmp_path / "c.pem"), "--key", str(tmp_path / "k.pem"))
    assert code == 2
    assert "self-signed" in err and err.count("\n") == 1
    assert not out.exists()


def test_own_certificate_is_used(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assessment, src, out = _setup(tmp_path, READY)
    ca = TestCA()
    chain, key = ca.leaf(cn="Studio Lindenblatt signing")
    (tmp_path / "c.pem").write_bytes(chain)
    (tmp_path / "k.pem").write_bytes(key)
    (tmp_path / "ca.pem").write_bytes(pem(ca.cert))
    code, stdout, _ = _run(capsys, "stamp", str(assessment), str(src), "-o", str(out),
                           "--cert", str(tmp_path / "c.pem"), "--key", str(tmp_path / "k.pem"))
    assert code == 0 and "Studio Lindenblatt signing" in stdout and "untrusted signer" not in stdout
    code, stdout, _ = _run(capsys, "verify", str(out), "--json")
    assert json.loads(stdout)["trusted"] is False  # the studio's CA is not known here
    code, stdout, _ = _run(capsys, "verify", str(out), "--json", "--trust", str(tmp_path / "ca.pem"))
    assert json.loads(stdout)["trusted"] is True


def test_cert_without_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assessment, src, out = _setup(tmp_path, READY)
    code, _, err = _run(capsys, "stamp", str(assessment), str(src), "-o", str(out), "--cert", "c.pem")
    assert code == 2 and "--key" in err


@pytest.mark.parametrize(("data", "words"), [(b"GIF89a" + b"\0" * 40, "cannot recognise"),
                                             (media.bmff(b"isom", (b"isom",), fragmented=True), "fragmented")])
def test_unusable_media_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes, words: str) -> None:
    assessment, src, out = _setup(tmp_path, READY, data)
    code, _, err = _run(capsys, "stamp", str(assessment), str(src), "-o", str(out))
    assert code == 2 and words in err and not out.exists()


def test_verify_altered_file_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assessment, src, out = _setup(tmp_path, READY)
    assert _run(capsys, "stamp", str(assessment), str(src), "-o", str(out))[0] == 0
    out.write_bytes(media.alter("image/jpeg", out.read_bytes()))
    code, stdout, _ = _run(capsys, "verify", str(out))
    assert code == 1 and "do NOT match the file" in stdout


def test_verify_plain_file_exit_1_missing_file_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, src, _ = _setup(tmp_path, READY)
    code, stdout, _ = _run(capsys, "verify", str(src))
    assert code == 1 and "No Content Credentials" in stdout
    code, _, err = _run(capsys, "verify", str(tmp_path / "nope.jpg"))
    assert code == 2 and "there is no file" in err


def test_verify_someone_elses_credentials_exit_1_and_hostile_text_is_shown_inert(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import datetime as dt
    material = local_material(dt.datetime.now(dt.UTC))
    out = io.BytesIO()
    manifest = {"title": "\x1b[31mred\x1b[0m <b>x</b>", "assertions": [{"label": "c2pa.actions", "data": {
        "actions": [{"action": "c2pa.created", "digitalSourceType": "http://example.org/\x07bell"}]}}]}
    library.sign(io.BytesIO(media.image("PNG")), out, "image/png", manifest, material)
    path = tmp_path / "other.png"
    path.write_bytes(out.getvalue())
    code, stdout, _ = _run(capsys, "verify", str(path))
    assert code == 1 and "not Vigil's" in stdout
    assert "\x1b" not in stdout and "\x07" not in stdout and "\\x1b[31mred" in stdout


def test_verify_in_german(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assessment, src, out = _setup(tmp_path, READY)
    _run(capsys, "stamp", str(assessment), str(src), "-o", str(out))
    code, stdout, _ = _run(capsys, "verify", str(out), "--lang", "de")
    assert code == 0 and "Content Credentials von Vigil: unverändert." in stdout and "„Bereit“" in stdout
