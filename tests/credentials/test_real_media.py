"""Real-codec files (H.264/AAC MP4 and MOV, AAC M4A, MP3; made by fixtures/make_fixtures.py with PyAV):
stamped, read back, altered, and still pointing at their own samples (the library moves boxes around)."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from tests.credentials.conftest import READY, TODAY, scenario
from vigil.credentials.certs import SigningMaterial, local_trust_anchor
from vigil.credentials.formats import detect
from vigil.credentials.stamp import stamp_bytes, stamp_facts
from vigil.credentials.verify import Status, verify_bytes

FIXTURES = Path(__file__).parent / "fixtures"
FILES = {"tiny.mp4": "video/mp4", "tiny.mov": "video/quicktime", "tiny.m4a": "audio/mp4", "tiny.mp3": "audio/mpeg"}


def _facts():  # type: ignore[no-untyped-def]
    assessment, _, evaluation = scenario(READY)
    return stamp_facts(assessment, evaluation, TODAY)


def _samples(data: bytes) -> list[bytes]:
    """The first bytes of every chunk that the sample tables (stco) point at."""
    out: list[bytes] = []
    pos = data.find(b"stco")
    while pos != -1:
        count = struct.unpack(">I", data[pos + 8:pos + 12])[0]
        offsets = struct.unpack(f">{count}I", data[pos + 12:pos + 12 + 4 * count])
        out += [data[o:o + 16] for o in offsets]
        pos = data.find(b"stco", pos + 4)
    return out


@pytest.mark.parametrize("name", list(FILES))
def test_real_files_stamp_and_read_back(name: str, local: SigningMaterial) -> None:
    original = (FIXTURES / name).read_bytes()
    assert detect(original).media_type == FILES[name]
    out, _ = stamp_bytes(original, _facts(), local)
    v = verify_bytes(out, local_trust_anchor())
    assert v.status == Status.valid and v.trusted and v.vigil
    if FILES[name] != "audio/mpeg":
        before, after = _samples(original), _samples(out)
        assert before and after == before  # every sample table still points at the same media data


@pytest.mark.parametrize("name", list(FILES))
def test_real_files_altered_after_stamping_are_caught(name: str, local: SigningMaterial) -> None:
    original = (FIXTURES / name).read_bytes()
    out, _ = stamp_bytes(original, _facts(), local)
    middle = len(original) // 2
    window = original[middle:middle + 24]
    at = out.find(window)
    assert at != -1 and out.count(window) == 1
    changed = bytearray(out)
    changed[at + 8] ^= 0x01
    assert verify_bytes(bytes(changed), local_trust_anchor()).status == Status.invalid
