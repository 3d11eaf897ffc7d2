"""Which finished files Vigil stamps: recognised from their first bytes, never from their (maybe personal) name.

Every format in ``FORMATS`` was signed and read back with c2pa-python 0.38.1 (tests/credentials). Fragmented
MP4 (``moof`` boxes, as made for streaming) is not supported by the library and is refused with a message.
"""

from __future__ import annotations

import io
import struct
from dataclasses import dataclass
from typing import BinaryIO

from vigil.credentials import FormatError


@dataclass(frozen=True)
class MediaFormat:
    media_type: str
    extension: str
    label: str


JPEG = MediaFormat("image/jpeg", "jpg", "JPEG")
PNG = MediaFormat("image/png", "png", "PNG")
WEBP = MediaFormat("image/webp", "webp", "WebP")
WAV = MediaFormat("audio/wav", "wav", "WAV")
MP3 = MediaFormat("audio/mpeg", "mp3", "MP3")
MP4 = MediaFormat("video/mp4", "mp4", "MP4")
MOV = MediaFormat("video/quicktime", "mov", "MOV")
M4A = MediaFormat("audio/mp4", "m4a", "M4A")
FORMATS: tuple[MediaFormat, ...] = (JPEG, PNG, WEBP, MP4, MOV, WAV, MP3, M4A)

_AUDIO_BRANDS = {b"M4A ", b"M4B ", b"M4P "}
_QUICKTIME_BRANDS = {b"qt  "}
_TOO_SHORT = 12


def supported_labels() -> str:
    return ", ".join(f.label for f in FORMATS)


def _boxes(f: BinaryIO) -> list[bytes]:
    """The types of the top-level ISO BMFF boxes, read from their headers (stops at a malformed size)."""
    types: list[bytes] = []
    end = f.seek(0, io.SEEK_END)
    pos = 0
    while pos + 8 <= end and len(types) < 100_000:
        f.seek(pos)
        header = f.read(16)
        size, kind = struct.unpack(">I4s", header[:8])
        if size == 1 and len(header) == 16:
            size = struct.unpack(">Q", header[8:16])[0]
        elif size == 0:
            size = end - pos
        types.append(kind)
        if size < 8:
            break
        pos += size
    return types


def _bmff(f: BinaryIO, brand: bytes) -> MediaFormat:
    if b"moof" in _boxes(f):
        raise FormatError(
            "this is a fragmented MP4 (made for streaming), which Content Credentials cannot be embedded in "
            "yet; export the video again as a regular (not fragmented) MP4 or MOV and stamp that"
        )
    if brand in _QUICKTIME_BRANDS:
        return MOV
    if brand in _AUDIO_BRANDS:
        return M4A
    return MP4


def detect(data: bytes) -> MediaFormat:
    """The format of ``data``, or ``FormatError`` naming the formats that work."""
    return detect_stream(io.BytesIO(data))


def detect_stream(f: BinaryIO) -> MediaFormat:
    """The format of the seekable file ``f`` (left at its start), or ``FormatError``."""
    try:
        return _detect(f)
    finally:
        f.seek(0)


def _detect(f: BinaryIO) -> MediaFormat:
    f.seek(0)
    data = f.read(16)
    if len(data) < _TOO_SHORT:
        raise FormatError("the file is empty or too short to be a photo, video or sound recording")
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return WEBP
    if data[:4] == b"RIFF" and data[8:12] == b"WAVE":
        return WAV
    if data[4:8] == b"ftyp":
        return _bmff(f, data[8:12])
    if data.startswith(b"ID3") or (data[0] == 0xFF and data[1] & 0xE0 == 0xE0):
        return MP3
    raise FormatError(
        f"Vigil cannot recognise this kind of file; Content Credentials can be added to {supported_labels()} files"
    )
