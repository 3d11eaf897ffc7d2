"""Start the real app (`streamlit run app.py`) on a free loopback port, for browser tests and benchmarks."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
ARTIFACTS_LOG = ARTIFACTS / "app-server.log"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-default-apps",
    "--disable-extensions",
    "--metrics-recording-only",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


class AppServer:
    """One `streamlit run` process. ``restart()`` keeps the port and the data directory."""

    def __init__(self, data_dir: Path, script: Path = ROOT / "app.py", port: int | None = None,
                 env: dict[str, str] | None = None, log: Path | None = None, address: str | None = "127.0.0.1") -> None:
        self.data_dir = data_dir
        self.script = script
        self.port = port or free_port()
        self.env = env or {}
        self.log = log
        self.address = address  # None: whatever .streamlit/config.toml says
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def command(self) -> list[str]:
        return [
            sys.executable, "-m", "streamlit", "run", str(self.script),
            "--server.headless=true", f"--server.port={self.port}",
            "--browser.gatherUsageStats=false", "--server.fileWatcherType=none",
            *([f"--server.address={self.address}"] if self.address else []),
        ]

    def start(self, timeout: float = 30.0) -> float:
        """Start and wait until healthy; returns the seconds it took."""
        # the app under test uses its own data directory, never a database named in the caller's environment
        env = {k: v for k, v in os.environ.items() if k != "VIGIL_DATABASE_URL"}
        env.update({"VIGIL_DATA_DIR": str(self.data_dir), **self.env})
        if self.log:
            self.log.parent.mkdir(parents=True, exist_ok=True)
        out = self.log.open("ab") if self.log else subprocess.DEVNULL
        started = time.perf_counter()
        self.process = subprocess.Popen(self.command(), cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                                        stdin=subprocess.DEVNULL)
        deadline = started + timeout
        while time.perf_counter() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the app exited with code {self.process.returncode} (log: {self.log})")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=1) as resp:
                    if resp.read() == b"ok":
                        return time.perf_counter() - started
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"the app did not become healthy within {timeout} s")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def kill(self) -> None:
        """SIGKILL: the way a crash or power cut ends the server."""
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.process = None

    def restart(self) -> float:
        self.stop()
        return self.start()

    def listening_addresses(self) -> set[str]:
        """The local addresses (as /proc/net/tcp* spells them, hex) that listen on this server's port."""
        found = set()
        for table in ("/proc/net/tcp", "/proc/net/tcp6"):
            for line in Path(table).read_text().splitlines()[1:]:
                local, state = line.split()[1], line.split()[3]
                address, port = local.rsplit(":", 1)
                if state == "0A" and int(port, 16) == self.port:
                    found.add(address)
        return found

    def rss_kib(self) -> int:
        """Resident memory of the server process, in KiB."""
        assert self.process is not None
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        raise RuntimeError("no VmRSS")
