"""The documents made in the app carry the logo from the maker profile kept in the store."""

from __future__ import annotations

import base64
import datetime as dt
import io
import struct
import zlib
from pathlib import Path

from pypdf import PdfReader

from vigil.catalog import load_catalog
from vigil.models.assessment import Maker
from vigil.models.profile import Logo, MakerProfile
from vigil.store.sql import open_store
from vigil.ui import documents
from vigil.ui.session import Session
from vigil.ui.state import UiState

TODAY = dt.date(2026, 12, 2)


def _png() -> bytes:
    """A 2x2 red PNG, made here."""
    raw = b"".join(b"\x00" + b"\xff\x00\x00" * 2 for _ in range(2))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def _images(pdf: bytes) -> int:
    count = 0
    for page in PdfReader(io.BytesIO(pdf)).pages:
        resources = page.get("/Resources") or {}
        xobjects = resources.get("/XObject") or {}
        count += sum(1 for x in xobjects.values() if x.get_object().get("/Subtype") == "/Image")
    return count


def test_the_consent_form_made_in_the_app_carries_the_profile_logo(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'vigil.sqlite3'}")
    try:
        checklist = load_catalog().latest()[0]
        session = Session(UiState(), store)
        session.create(checklist, "Logo test", "en")
        documents._prepare("consent", session, checklist, "en", TODAY)
        without = session.state.documents["consent"].data
        store.save_profile(MakerProfile(maker=Maker(name="Studio Licht"),
                                        logo=Logo(media_type="image/png", data=base64.b64encode(_png()))))
        documents._prepare("consent", session, checklist, "en", TODAY)
        with_logo = session.state.documents["consent"].data
    finally:
        store.close()
    assert _images(without) == 0
    assert _images(with_logo) >= 1
