"""Tiny media files made in the tests (no fixtures on disk, no ffmpeg), and ways to alter them after stamping."""

from __future__ import annotations

import io
import struct
import wave
import zlib

from PIL import Image

MARKER = b"VIGIL-TEST-MEDIA"  # 16 bytes that appear once in the content of the formats that carry raw data


def image(fmt: str) -> bytes:
    out = io.BytesIO()
    picture = Image.new("RGB", (24, 16), (180, 40, 40))
    for x in range(24):
        picture.putpixel((x, x % 16), (x * 10, 200, 30))
    picture.save(out, fmt)
    return out.getvalue()


def wav() -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(b"\0\0" * 400 + MARKER + b"\0\0" * 400)
    return out.getvalue()


def mp3() -> bytes:
    """Ten MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz, 417 bytes each) of silence, the marker in one."""
    header = bytes([0xFF, 0xFB, 0x90, 0x64])
    silent = header + b"\0" * 413
    marked = header + MARKER + b"\0" * (413 - len(MARKER))
    return silent * 4 + marked + silent * 5


def _box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def _mvhd() -> bytes:
    matrix = struct.pack(">9I", 0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000)
    body = (struct.pack(">IIIII", 0, 0, 0, 1000, 0) + struct.pack(">IH", 0x00010000, 0x0100) + b"\0" * 10
            + matrix + b"\0" * 24 + struct.pack(">I", 2))
    return _box(b"mvhd", body)


def bmff(brand: bytes, compatible: tuple[bytes, ...], *, fragmented: bool = False) -> bytes:
    """A minimal ISO base media file: ftyp, moov (with mvhd), mdat holding the marker (and a moof if asked)."""
    ftyp = _box(b"ftyp", brand + struct.pack(">I", 0) + b"".join(compatible))
    boxes = ftyp + _box(b"moov", _mvhd())
    if fragmented:
        boxes += _box(b"moof", _box(b"mfhd", struct.pack(">II", 0, 1)))
    return boxes + _box(b"mdat", b"\0" * 32 + MARKER + b"\0" * 32)


def mp4() -> bytes:
    return bmff(b"isom", (b"isom", b"mp41"))


def mov() -> bytes:
    return bmff(b"qt  ", (b"qt  ",))


def m4a() -> bytes:
    return bmff(b"M4A ", (b"M4A ", b"mp42", b"isom"))


MAKERS = {
    "image/jpeg": lambda: image("JPEG"),
    "image/png": lambda: image("PNG"),
    "image/webp": lambda: image("WEBP"),
    "audio/wav": wav,
    "audio/mpeg": mp3,
    "video/mp4": mp4,
    "video/quicktime": mov,
    "audio/mp4": m4a,
}


def _flip(data: bytes, at: int) -> bytes:
    changed = bytearray(data)
    changed[at] ^= 0x01
    return bytes(changed)


def _png_alter(data: bytes) -> bytes:
    """Change one byte of the picture data and fix the chunk's CRC, so the PNG stays well-formed."""
    pos = 8
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind == b"IDAT":
            body = bytearray(data[pos + 8:pos + 8 + length])
            body[length // 2] ^= 0x01
            crc = struct.pack(">I", zlib.crc32(kind + bytes(body)) & 0xFFFFFFFF)
            return data[:pos + 8] + bytes(body) + crc + data[pos + 12 + length:]
        pos += 12 + length
    raise AssertionError("no IDAT chunk")


def alter(media_type: str, stamped: bytes) -> bytes:
    """The stamped file with one byte of its picture or sound changed (the manifest left as it is)."""
    if media_type == "image/png":
        return _png_alter(stamped)
    if media_type == "image/jpeg":
        scan = stamped.rindex(b"\xff\xda")
        header = struct.unpack(">H", stamped[scan + 2:scan + 4])[0]
        return _flip(stamped, scan + 2 + header + 3)
    if media_type == "image/webp":
        return _flip(stamped, stamped.index(b"VP8") + 8 + 12)
    at = stamped.index(MARKER)
    assert stamped.count(MARKER) == 1
    return _flip(stamped, at + 3)
