"""Browser plumbing shared by the browser measurements: Debian's Chromium through Playwright, loopback only."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from unittest import mock
from urllib.parse import urlparse

from playwright.sync_api import Browser, BrowserContext, Page, Route, sync_playwright

from tests.support.app_server import CHROMIUM, CHROMIUM_ARGS, AppServer

LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}
TIMEOUT_MS = 30_000
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
SIDEBAR = '[data-testid="stSidebar"]'


@contextmanager
def browser() -> Iterator[Browser]:
    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


def _loopback_only(route: Route) -> None:
    host = urlparse(route.request.url).hostname
    if urlparse(route.request.url).scheme in ("http", "https", "ws", "wss") and host not in LOOPBACK:
        route.abort()
    else:
        route.continue_()


def new_context(b: Browser) -> BrowserContext:
    ctx = b.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    ctx.route("**/*", _loopback_only)
    ctx.set_default_timeout(TIMEOUT_MS)
    return ctx


def wait_idle(page: Page) -> None:
    """Until the app's script run has finished (Streamlit marks its root with the run state)."""
    page.wait_for_selector(IDLE, state="attached", timeout=TIMEOUT_MS)


def sidebar_text(page: Page) -> str:
    return page.locator(SIDEBAR).inner_text()


def wait_sidebar_changed(page: Page, before: str, timeout_ms: float = TIMEOUT_MS) -> None:
    page.wait_for_function(
        "prev => { const s = document.querySelector('[data-testid=\"stSidebar\"]');"
        " return s !== null && s.innerText !== prev; }",
        arg=before, timeout=timeout_ms, polling="raf",
    )


def wait_heading(page: Page, level: int, text: str, timeout_ms: float = TIMEOUT_MS,
                 polling: float | str = "raf") -> None:
    """Until a heading of ``level`` reads exactly ``text``. Polled on every animation frame: Playwright's
    locator waits back off to 100-500 ms between checks, far too coarse for a latency figure."""
    page.wait_for_function(
        "([sel, want]) => Array.from(document.querySelectorAll(sel)).some("
        "h => h.innerText.trim() === want && h.getBoundingClientRect().height > 0)",
        arg=[f"h{level}", text], timeout=timeout_ms, polling=polling,
    )


def open_assessment(page: Page, server: AppServer, assessment_id: str, title: str) -> None:
    """A page on the questionnaire of a stored assessment (resume by link), fully drawn."""
    page.goto(f"{server.url}/?a={assessment_id}")
    page.get_by_role("heading", name=title, exact=True, level=1).wait_for()
    wait_idle(page)


def data_dir_with(folder: Path, assessments: list[object]) -> list[str]:
    """Store ``assessments`` in a SQLite store in ``folder`` (the app's VIGIL_DATA_DIR); returns their ids."""
    from vigil.models.assessment import Assessment
    from vigil.store.sql import open_store

    # the environment is put back as it was, whatever happens (a removed key too)
    with mock.patch.dict(os.environ, {"VIGIL_DATA_DIR": str(folder)}):
        os.environ.pop("VIGIL_DATABASE_URL", None)
        store = open_store()
        ids = []
        for a in assessments:
            assert isinstance(a, Assessment)
            ids.append(store.create(a).id)
        store.close()
    return ids
