"""Only our own host: the real server (`streamlit run app.py`) refuses HTTP and websocket requests whose Host
header is not one of ours, so a page on another domain that resolves to 127.0.0.1 cannot read Vigil."""

from __future__ import annotations

import base64
import http.client
import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.app_server import AppServer
from vigil.hosts import allowed_hosts


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    app = AppServer(tmp_path_factory.mktemp("data"), env={"VIGIL_ALLOWED_HOSTS": "vigil.team.example"})
    app.start(timeout=60)
    yield app
    app.stop()


def http_status(server: AppServer, host: str, path: str = "/") -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    conn.putrequest("GET", path, skip_host=True)
    conn.putheader("Host", host)
    conn.endheaders()
    resp = conn.getresponse()
    body = resp.read()
    conn.close()
    return resp.status, body


def websocket_status(server: AppServer, host: str) -> bytes:
    """The status line the server answers a websocket handshake on /_stcore/stream with."""
    key = base64.b64encode(os.urandom(16)).decode()
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as s:
        s.sendall((f"GET /_stcore/stream HTTP/1.1\r\nHost: {host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                   f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\nOrigin: http://{host}\r\n\r\n")
                  .encode())
        return s.recv(4096).split(b"\r\n", 1)[0]


@pytest.mark.parametrize("host", ["evil.example", "evil.example:{port}", "127.0.0.1.evil.example:{port}",
                                  "localhost.evil.example", "team.example"])
def test_a_foreign_host_is_refused_on_http_and_websocket(server: AppServer, host: str) -> None:
    host = host.format(port=server.port)
    for path in ("/", "/_stcore/health", "/_stcore/host-config"):
        status, body = http_status(server, host, path)
        assert status == 400, (path, status)
        assert b"Vigil" not in body and b"<html" not in body.lower()
    assert b" 101 " not in websocket_status(server, host)


@pytest.mark.parametrize("host", ["127.0.0.1:{port}", "localhost:{port}", "vigil.team.example:{port}",
                                  "VIGIL.team.example"])
def test_our_own_hosts_are_served(server: AppServer, host: str) -> None:
    host = host.format(port=server.port)
    status, body = http_status(server, host, "/_stcore/health")
    assert (status, body) == (200, b"ok")
    status, body = http_status(server, host, "/")
    assert status == 200 and b"<html" in body.lower()
    assert b" 101 " in websocket_status(server, host)


def test_the_setting() -> None:
    assert allowed_hosts(env="") == ["127.0.0.1", "localhost", "::1"]
    assert allowed_hosts("10.0.0.5", env="") == ["127.0.0.1", "localhost", "::1", "10.0.0.5"]
    assert allowed_hosts("0.0.0.0", env=" Vigil.Example.org , *.team.example") == [
        "127.0.0.1", "localhost", "::1", "vigil.example.org", "*.team.example"]
    with pytest.raises(ValueError, match="must name hosts"):
        allowed_hosts(env="*")


def test_make_run_serves_app_py() -> None:
    makefile = (Path(__file__).resolve().parent.parent / "Makefile").read_text()
    assert "streamlit run app.py" in makefile
