"""Browser tests: the real app in Debian's Chromium, driven by Playwright.

Every request the browser makes is recorded; a test fails if any goes anywhere but 127.0.0.1.
Screenshots are kept in test-artifacts/screenshots/ (CI keeps them as artifacts; the README shows them).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.support.app_server import CHROMIUM, CHROMIUM_ARGS, ROOT, AppServer

ARTIFACTS = ROOT / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
LOOPBACK = {"127.0.0.1", "localhost", "[::1]", "::1"}
# a loaded CI machine can take a few seconds for a rerun; wait for what a person would wait for
expect.set_options(timeout=20_000)


README_SHOTS = ["en-01-start", "en-02-section-05-people", "en-03-results", "de-02-section-04-wishes",
                "de-05-family", "en-11-two-tabs-stale"]


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """With VIGIL_UPDATE_SCREENSHOTS=1 (`make screenshots`), copy the README's pictures from this run."""
    if os.environ.get("VIGIL_UPDATE_SCREENSHOTS") != "1" or exitstatus != 0:
        return
    target = ROOT / "docs" / "screenshots"
    target.mkdir(parents=True, exist_ok=True)
    for name in README_SHOTS:
        source = SCREENSHOTS / f"{name}.png"
        if source.exists():
            shutil.copyfile(source, target / source.name)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser_type_launch_args() -> dict[str, Any]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/system-deps.sh test (apt-get install chromium)")
    return {"executable_path": CHROMIUM, "args": CHROMIUM_ARGS, "headless": True}


@pytest.fixture(scope="session")
def browser_context_args() -> dict[str, Any]:
    return {"viewport": {"width": 1280, "height": 900}, "accept_downloads": True, "locale": "en-GB"}


@pytest.fixture(scope="session")
def app_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    data = tmp_path_factory.mktemp("vigil-data")
    ARTIFACTS.mkdir(exist_ok=True)
    server = AppServer(data, log=ARTIFACTS / "app-server.log")
    server.start()
    yield server
    server.stop()


@pytest.fixture
def requests_seen(context: BrowserContext) -> Iterator[list[str]]:
    """Every URL the browser asks for during the test; non-loopback hosts fail the test."""
    seen: list[str] = []
    context.on("request", lambda request: seen.append(request.url))
    yield seen
    outside = [u for u in seen if urlparse(u).scheme in ("http", "https", "ws", "wss")
               and urlparse(u).hostname not in LOOPBACK]
    assert not outside, f"the browser contacted hosts other than 127.0.0.1: {outside[:5]}"


@pytest.fixture
def app(page: Page, app_server: AppServer, requests_seen: list[str]) -> Page:
    page.set_default_timeout(15_000)
    page.goto(app_server.url)
    return page


def shot(page: Page, name: str) -> Path:
    """Save a full-page screenshot under test-artifacts/screenshots/NAME.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
