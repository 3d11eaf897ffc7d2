"""The Credentials page in Chromium: stamp a finished file, download it, check it, in English and German."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.credentials import media
from tests.credentials.conftest import READY, SCENARIOS, STOP
from tests.e2e.conftest import shot
from tests.e2e.driver import Driver
from tests.render.shipped import shipped_checklist
from vigil import i18n
from vigil.credentials.verify import Status, verify_bytes


def _file_input(page: Page, key_part: str):  # type: ignore[no-untyped-def]
    return page.locator(f'[class*="{key_part}"] input[type="file"]').first


def _import(page: Page, d: Driver, path: Path) -> None:
    """Import a file on the Start page and wait until it is open (its id in the address), however busy the
    machine: the Credentials page offers the upload only for an open assessment."""
    _file_input(page, "st-key-vigil-start-upload").set_input_files(str(path))
    page.wait_for_url(re.compile(r"[?&]a="), timeout=30_000)
    d.idle()


def test_stamp_download_and_check(app: Page, tmp_path: Path) -> None:
    d = Driver(app, shipped_checklist())
    d.idle()
    _import(app, d, SCENARIOS / READY)
    d.go_page("credentials")
    expect(app.get_by_role("heading", name=d.t("cred.ui.title"))).to_be_visible()
    finished = tmp_path / "Oma Hilde final.jpg"
    finished.write_bytes(media.image("JPEG"))
    _file_input(app, "cred-upload").set_input_files(str(finished))
    d.idle()
    app.get_by_role("button", name=d.t("cred.ui.stamp")).click()
    d.idle()
    with app.expect_download() as info:
        app.get_by_role("button", name=d.t("cred.ui.download")).click()
    download = info.value
    assert download.suggested_filename.startswith("vigil-stamped-")
    assert "Hilde" not in download.suggested_filename
    stamped = tmp_path / download.suggested_filename
    download.save_as(str(stamped))
    assert verify_bytes(stamped.read_bytes()).status == Status.valid
    shot(app, "en-20-credentials-stamped")
    _file_input(app, "vigil-cred-verify").set_input_files(str(stamped))
    d.idle()
    expect(app.get_by_text(i18n.t("en", "cred.verify.valid"))).to_be_visible()
    d.set_language("de")
    found = app.get_by_text(i18n.t("de", "cred.verify.valid"))
    expect(found).to_be_visible()
    found.scroll_into_view_if_needed()
    shot(app, "de-20-credentials-verified")


def test_stop_says_why_and_offers_no_upload(app: Page) -> None:
    d = Driver(app, shipped_checklist())
    d.idle()
    _import(app, d, SCENARIOS / STOP)
    d.go_page("credentials")
    expect(app.get_by_text(d.t("cred.ui.stopped"))).to_be_visible()
    assert app.locator('[class*="cred-upload"]').count() == 0
    shot(app, "en-21-credentials-stop")
