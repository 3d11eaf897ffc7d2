"""Privacy by default: the server listens on the loopback address only, unless told otherwise."""

from __future__ import annotations

import tomllib
from pathlib import Path

from tests.support.app_server import ARTIFACTS_LOG, ROOT, AppServer

LOOPBACK_V4 = "0100007F"  # 127.0.0.1 as /proc/net/tcp writes it


def test_config_keeps_vigil_private() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["address"] == "127.0.0.1"
    assert config["browser"]["gatherUsageStats"] is False
    assert config["runner"]["enforceSerializableSessionState"] is True


def test_server_binds_to_loopback_only_by_default(tmp_path: Path) -> None:
    server = AppServer(tmp_path, log=ARTIFACTS_LOG, address=None)  # no --server.address: the config decides
    server.start()
    try:
        assert server.listening_addresses() == {LOOPBACK_V4}
    finally:
        server.stop()


def test_binding_elsewhere_needs_to_be_asked_for(tmp_path: Path) -> None:
    server = AppServer(tmp_path, log=ARTIFACTS_LOG, address="0.0.0.0")
    server.start()
    try:
        assert server.listening_addresses() == {"00000000"}
    finally:
        server.stop()
