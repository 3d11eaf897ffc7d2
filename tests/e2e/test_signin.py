"""Sign-in against a real local OpenID Connect provider (oidc-provider-mock), started here: maker pages need it
when the server is configured for it; a relative's link page never does; someone outside the team is turned away.

The provider's own sign-in form asks a CDN for its stylesheet; that request is blocked (it is the test
provider's page, not Vigil's), and nothing else leaves 127.0.0.1."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page, Route, expect

from tests.e2e.conftest import ARTIFACTS, shot
from tests.e2e.test_relative_page import World
from tests.support.app_server import AppServer, free_port


class SignedServer(AppServer):
    def __init__(self, data_dir: Path, secrets: Path) -> None:
        super().__init__(data_dir, log=ARTIFACTS / "app-server-signin.log")
        self.secrets = secrets

    def command(self) -> list[str]:
        return [*super().command(), f"--secrets.files={self.secrets}"]


@pytest.fixture(scope="module")
def provider() -> Iterator[str]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "oidc_provider_mock", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/.well-known/openid-configuration", timeout=1):
                break
        except OSError:
            time.sleep(0.1)
    else:
        proc.kill()
        pytest.fail("the OpenID Connect provider did not start")
    yield url
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def signed(provider: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[SignedServer, World]]:
    data = tmp_path_factory.mktemp("vigil-signin")
    port = free_port()
    secrets = data / "secrets.toml"
    secrets.write_text(
        "[auth]\n"
        f'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
        'cookie_secret = "a-long-random-test-secret-0123456789"\n'
        'client_id = "vigil-test"\n'
        'client_secret = "vigil-test-secret"\n'
        f'server_metadata_url = "{provider}/.well-known/openid-configuration"\n'
        "[vigil]\n"
        'team = ["@studio.example"]\n', encoding="utf-8")
    server = SignedServer(data, secrets)
    server.port = port
    world = World(data)
    server.start()
    yield server, world
    server.stop()


def _local_only(page: Page) -> list[str]:
    blocked: list[str] = []

    def route(r: Route) -> None:
        host = urlparse(r.request.url).hostname
        if host in ("127.0.0.1", "localhost"):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    return blocked


def _sign_in(page: Page, server: SignedServer, who: str) -> None:
    page.goto(server.url)
    expect(page.get_by_text("Please sign in to see its assessments.")).to_be_visible()
    assert page.locator('[data-testid="stSidebarNav"]').count() == 0
    page.get_by_role("button", name="Sign in").click()
    page.locator("input[name='sub']").first.fill(who)
    page.get_by_role("button", name="Authorize").click()


def test_a_team_member_signs_in_and_reaches_the_maker_pages(signed: tuple[SignedServer, World], page: Page) -> None:
    server, _ = signed
    blocked = _local_only(page)
    page.goto(server.url)
    expect(page.get_by_role("button", name="Sign in")).to_be_visible()
    shot(page, "en-30-sign-in")
    _sign_in(page, server, "anna@studio.example")
    expect(page.get_by_text("Signed in as anna@studio.example")).to_be_visible()
    expect(page.locator('[data-testid="stSidebarNav"]')).to_be_visible()
    assert all("cdn.jsdelivr.net" in u for u in blocked)


def test_someone_outside_the_team_is_turned_away(signed: tuple[SignedServer, World], page: Page) -> None:
    server, _ = signed
    _local_only(page)
    _sign_in(page, server, "mallory@elsewhere.example")
    expect(page.get_by_text("who is not part of this team")).to_be_visible()
    assert page.locator('[data-testid="stSidebarNav"]').count() == 0


def test_a_relatives_link_needs_no_sign_in_and_opens_only_their_page(signed: tuple[SignedServer, World],
                                                                      page: Page) -> None:
    server, world = signed
    _local_only(page)
    a, checklist = world.new()
    _, token = world.link(a, checklist, world.people(a)[0], "en")
    page.goto(f"{server.url}/results?k={token}&a={a.id}")
    expect(page.get_by_text("What is planned", exact=True)).to_be_visible()
    assert page.locator('[data-testid="stSidebarNav"]').count() == 0
    assert "Sign in" not in page.locator("body").inner_text()
