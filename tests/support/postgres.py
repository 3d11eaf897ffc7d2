"""A throwaway PostgreSQL server for tests: ``initdb`` + ``pg_ctl`` in a temporary folder, 127.0.0.1 only.

Usable from any test suite::

    from tests.support.postgres import PostgresServer

    server = PostgresServer.start_new()      # ~1-2 s
    url = server.create_database("mytest")   # postgresql+psycopg://vigil@127.0.0.1:PORT/mytest
    ...
    server.remove()

PostgreSQL refuses to run as root, so when the tests run as root (as CI does) the server runs as an
unprivileged user: ``postgres`` or ``nobody`` if present, else one made with ``useradd``. Missing server
binaries are an error (``PostgresUnavailable``), never a silent skip: the store must be tested on both databases.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg

SUPERUSER = "vigil"
_CANDIDATE_USERS = ("postgres", "nobody")
_FALLBACK_USER = "vigil-pgtest"


class PostgresUnavailable(RuntimeError):
    """The test server cannot be started; the message says why and what to install."""


def find_binary(name: str) -> str:
    """``initdb``/``pg_ctl``/``postgres`` from PATH or Debian's versioned folders."""
    found = shutil.which(name)
    if found:
        return found
    for candidate in sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True):
        if os.access(candidate, os.X_OK):
            return candidate
    raise PostgresUnavailable(
        f"The PostgreSQL server program {name!r} was not found on PATH or in /usr/lib/postgresql/*/bin. "
        "The store tests need a real PostgreSQL server: install the server package "
        "(Debian: apt-get install postgresql) and run the tests again."
    )


def _unprivileged_user() -> pwd.struct_passwd | None:
    """The user the server runs as: None when we are not root (run as ourselves)."""
    if os.geteuid() != 0:
        return None
    for name in _CANDIDATE_USERS:
        with contextlib.suppress(KeyError):
            entry = pwd.getpwnam(name)
            if entry.pw_uid != 0:
                return entry
    with contextlib.suppress(KeyError):
        return pwd.getpwnam(_FALLBACK_USER)
    subprocess.run(
        ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", _FALLBACK_USER],
        check=True, capture_output=True,
    )
    return pwd.getpwnam(_FALLBACK_USER)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PostgresServer:
    base: Path
    port: int
    user: pwd.struct_passwd | None
    _running: bool = field(default=False, repr=False)

    @property
    def data_dir(self) -> Path:
        return self.base / "data"

    @property
    def socket_dir(self) -> Path:
        return self.base / "sock"

    @property
    def log_file(self) -> Path:
        return self.base / "server.log"

    def url(self, database: str = "postgres", password: str | None = None) -> str:
        auth = f"{SUPERUSER}:{password}" if password else SUPERUSER
        return f"postgresql+psycopg://{auth}@127.0.0.1:{self.port}/{database}"

    # ---------------------------------------------------------------- lifecycle

    @classmethod
    def start_new(cls) -> PostgresServer:
        initdb = find_binary("initdb")
        find_binary("pg_ctl")
        user = _unprivileged_user()
        # /tmp rather than $TMPDIR: the server user must be able to reach the folder, and the socket path
        # must stay short (Unix sockets allow ~100 bytes).
        base = Path(tempfile.mkdtemp(prefix="vigil-pg-", dir="/tmp" if os.path.isdir("/tmp") else None))
        server = cls(base=base, port=free_port(), user=user)
        try:
            server.socket_dir.mkdir()
            if user is not None:
                for path in (base, server.socket_dir):
                    os.chown(path, user.pw_uid, user.pw_gid)
            server._run([initdb, "-D", str(server.data_dir), "-U", SUPERUSER, "--auth=trust",
                         "--encoding=UTF8", "--no-locale", "--no-sync"])
            server.start()
        except BaseException:
            server.remove()
            raise
        return server

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.socket_dir} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self._run([find_binary("pg_ctl"), "-D", str(self.data_dir), "-l", str(self.log_file),
                   "-o", options, "-w", "-t", "30", "start"])
        self._running = True

    def stop(self) -> None:
        if self._running:
            self._run([find_binary("pg_ctl"), "-D", str(self.data_dir), "-m", "fast", "-w", "stop"])
            self._running = False

    def remove(self) -> None:
        with contextlib.suppress(Exception):
            self.stop()
        shutil.rmtree(self.base, ignore_errors=True)

    @property
    def running(self) -> bool:
        return self._running

    # ---------------------------------------------------------------- databases

    def create_database(self, name: str) -> str:
        """A new empty database; returns its SQLAlchemy URL."""
        with psycopg.connect(host="127.0.0.1", port=self.port, user=SUPERUSER, dbname="postgres",
                             autocommit=True) as conn:
            conn.execute(psycopg.sql.SQL("CREATE DATABASE {}").format(psycopg.sql.Identifier(name)))
        return self.url(name)

    def execute(self, database: str, statement: str, params: Any = None) -> list[tuple[Any, ...]]:
        """Run one statement as the superuser (tests look under the store with it)."""
        with psycopg.connect(host="127.0.0.1", port=self.port, user=SUPERUSER, dbname=database,
                             autocommit=True) as conn:
            cur = conn.execute(statement, params)  # type: ignore[arg-type]
            return cur.fetchall() if cur.description else []

    # ---------------------------------------------------------------- helpers

    def _run(self, argv: list[str]) -> None:
        kwargs: dict[str, Any] = {}
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C", "TZ": "UTC"}
        if self.user is not None:
            kwargs = {"user": self.user.pw_uid, "group": self.user.pw_gid, "extra_groups": []}
            env["HOME"] = str(self.base)
        result = subprocess.run(argv, env=env, cwd=self.base, capture_output=True, text=True,
                                stdin=subprocess.DEVNULL, check=False, **kwargs)
        if result.returncode != 0:
            log_tail = ""
            if self.log_file.exists():
                log_tail = self.log_file.read_text(errors="replace")[-2000:]
            raise PostgresUnavailable(
                f"{Path(argv[0]).name} failed (exit {result.returncode}):\n{result.stdout}\n{result.stderr}\n"
                f"server log:\n{log_tail}"
            )


# ---------------------------------------------------------------- pytest fixture (import it into a conftest)

try:
    import pytest
except ImportError:  # pragma: no cover - the helper is also usable without pytest
    pass
else:

    @pytest.fixture(scope="session")
    def postgres_server() -> Any:
        """One throwaway server for the test session; missing binaries FAIL the tests, they never skip."""
        try:
            server = PostgresServer.start_new()
        except PostgresUnavailable as exc:
            pytest.fail(str(exc), pytrace=False)
        yield server
        server.remove()
