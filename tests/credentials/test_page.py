"""The Credentials page, driven with Streamlit's AppTest: stamp, download, record, refuse, confirm, verify."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.credentials import media
from tests.credentials.conftest import READY, RESOLVE_FIRST, SCENARIOS, STOP, scenario
from tests.ui.support import assert_ok, key, shown_text, start_app, stored, switch_page
from vigil.credentials.verify import Status, verify_bytes
from vigil.i18n import words

PAGE = "credentials"


@pytest.fixture(autouse=True)
def _no_server_database(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VIGIL_DATABASE_URL", raising=False)
    monkeypatch.delenv("VIGIL_CHECKLISTS", raising=False)


def _open(name: str) -> AppTest:
    at = start_app()
    uploader = next(u for u in at.file_uploader if u.key and u.key.startswith("vigil.start.upload"))
    uploader.set_value((name, (SCENARIOS / name).read_bytes(), "application/json")).run()
    assert_ok(at)
    switch_page(at, PAGE).run()
    assert_ok(at)
    return at


def _texts(at: AppTest) -> str:
    return shown_text(at, ("markdown", "error", "warning", "success", "info", "caption"))


def _download(at: AppTest):  # type: ignore[no-untyped-def]
    return [el for el in at.get("download_button")]


def test_stamp_download_and_record(tmp_path: Path) -> None:
    at = _open(READY)
    at.file_uploader(key=key(at, "cred", "upload")).set_value(
        ("Oma Hilde final.jpg", media.image("JPEG"), "image/jpeg")).run()
    at.button(key=key(at, "cred", "go")).click().run()
    assert_ok(at)
    result = at.session_state["vigil"].stamped
    assert result.name.startswith("vigil-stamped-") and "Hilde" not in result.name
    assert result.name.endswith(".jpg")
    assert verify_bytes(result.data).status == Status.valid
    assert len(_download(at)) == 1
    stamps = stored(at).stamps
    assert len(stamps) == 1 and stamps[0].media_type == "image/jpeg"
    assert "untrusted signer" in _texts(at)
    assert "Content Credentials were put on the finished file" in _texts(at)


def test_stop_shows_why_and_offers_no_upload() -> None:
    at = _open(STOP)
    assert "Vigil does not stamp this work." in _texts(at)
    _, _, evaluation = scenario(STOP)
    assert words(evaluation.verdict.reasons[0].message, "en") in _texts(at)
    assert not [u for u in at.file_uploader if u.key and u.key.endswith("cred.upload")]


def test_resolve_first_needs_the_confirm_box() -> None:
    at = _open(RESOLVE_FIRST)
    at.file_uploader(key=key(at, "cred", "upload")).set_value(("clip.wav", media.wav(), "audio/wav")).run()
    assert at.button(key=key(at, "cred", "go")).disabled
    at.checkbox(key=key(at, "cred", "confirm")).check().run()
    assert not at.button(key=key(at, "cred", "go")).disabled
    at.button(key=key(at, "cred", "go")).click().run()
    assert_ok(at)
    assert len(stored(at).stamps) == 1


def test_a_bad_consent_hash_is_named() -> None:
    at = _open(READY)
    at.text_input(key=key(at, "cred", "consent")).input("not a hash").run()
    assert "SHA-256" in _texts(at)


def test_verify_an_uploaded_file_in_german() -> None:
    at = _open(READY)
    at.file_uploader(key=key(at, "cred", "upload")).set_value(("x.png", media.image("PNG"), "image/png")).run()
    at.button(key=key(at, "cred", "go")).click().run()
    stamped = at.session_state["vigil"].stamped.data
    at.radio(key="vigil.lang_widget").set_value("de").run()
    at.file_uploader(key="vigil.cred.verify").set_value(("x.png", stamped, "image/png")).run()
    assert_ok(at)
    assert "Content Credentials von Vigil: unverändert." in _texts(at)
    altered = media.alter("image/png", stamped)
    at.file_uploader(key="vigil.cred.verify").set_value(("x.png", altered, "image/png")).run()
    assert "NICHT zur Datei passen" in _texts(at)


def test_verify_works_with_nothing_open() -> None:
    at = start_app()
    switch_page(at, PAGE).run()
    at.file_uploader(key="vigil.cred.verify").set_value(("x.jpg", media.image("JPEG"), "image/jpeg")).run()
    assert_ok(at)
    assert "No Content Credentials in this file." in _texts(at)
