"""Where the assessments live: an explicit URL, else ``VIGIL_DATABASE_URL``, else an SQLite file.

The SQLite file is ``vigil.sqlite3`` in ``VIGIL_DATA_DIR`` (default: the user's data folder from
platformdirs). Only this module reads the environment; nothing here opens a database.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import platformdirs
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from vigil.store import StoreError

URL_ENV = "VIGIL_DATABASE_URL"
DATA_DIR_ENV = "VIGIL_DATA_DIR"
SQLITE_FILE_NAME = "vigil.sqlite3"


class StoreConfigError(StoreError):
    """The configured database address cannot be used (a setting to fix, not a passing fault)."""

    i18n_key = "store.config"


@dataclass(frozen=True)
class SqliteTarget:
    """An SQLite database: a file (``path``) or, when ``path`` is None, one in memory (tests)."""

    path: Path | None
    read_only: bool = False

    def describe(self) -> str:
        if self.path is None:
            return "SQLite · in memory (nothing is kept after a restart)"
        mode = " (read-only)" if self.read_only else ""
        return f"SQLite · {self.path}{mode}"


@dataclass(frozen=True)
class ServerTarget:
    """A database server (PostgreSQL), reached through a SQLAlchemy URL."""

    url: URL

    def describe(self) -> str:
        u = self.url
        where = u.host or "local socket"
        if u.port:
            where = f"{where}:{u.port}"
        name = u.database or "(default database)"
        return f"PostgreSQL · {name} on {where}"


Target = SqliteTarget | ServerTarget


def default_data_dir() -> Path:
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("vigil", appauthor=False))


def resolve(url: str | None = None) -> Target:
    """The database to use: ``url``, else ``VIGIL_DATABASE_URL``, else the SQLite file in the data folder."""
    text = url if url is not None else os.environ.get(URL_ENV, "").strip() or None
    if text is None:
        return SqliteTarget(default_data_dir() / SQLITE_FILE_NAME)
    try:
        _check_port(text)
        parsed = make_url(text)
    except ArgumentError:
        # The message must not echo the address: it may hold a password.
        raise StoreConfigError(
            f"The database address in {URL_ENV} is not a valid address; it should look like "
            "postgresql+psycopg://user@host:5432/vigil or sqlite:///path/to/vigil.sqlite3."
        ) from None
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return _sqlite_target(parsed)
    if backend == "postgresql":
        if parsed.drivername != "postgresql+psycopg":  # psycopg 3 is the driver Vigil installs
            parsed = parsed.set(drivername="postgresql+psycopg")
        _check_server_options(parsed)
        return ServerTarget(parsed)
    raise StoreConfigError(
        f"Vigil stores assessments in SQLite or PostgreSQL; the address in {URL_ENV} names another kind of "
        "database."
    )


SSL_MODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")


def _shown(value: str) -> str:
    """A setting's value for a message: never a password, printable, short."""
    cleaned = "".join(c if c.isprintable() else "?" for c in value)
    return repr(cleaned if len(cleaned) <= 40 else cleaned[:39] + "…")


def _check_port(text: str) -> None:
    """A port that is not a number from 1 to 65535 is named as such (the address itself is never echoed)."""
    try:
        port = urlsplit(text).port
    except ValueError:
        port = 0
    if port == 0:
        raise StoreConfigError(f"The port in the database address in {URL_ENV} is not a number from 1 to 65535; "
                               "it should look like postgresql+psycopg://user@host:5432/vigil.")


def _check_server_options(url: URL) -> None:
    """The options after ``?`` must be ones PostgreSQL's client knows, with values it accepts."""
    from psycopg import pq

    known = {o.keyword.decode() for o in pq.Conninfo.get_defaults()} | {"plugin"}
    for key, value in url.query.items():
        if key not in known:
            raise StoreConfigError(f"The database address in {URL_ENV} has the option {_shown(key)}, which "
                                   "PostgreSQL does not know; please check its spelling or remove it.")
        values = value if isinstance(value, tuple) else (value,)
        if key == "sslmode" and any(v not in SSL_MODES for v in values):
            raise StoreConfigError(f"The sslmode in the database address in {URL_ENV} is {_shown(values[0])}; "
                                   f"it must be one of {', '.join(SSL_MODES)}.")
        if key in ("connect_timeout", "keepalives_idle", "keepalives_interval", "keepalives_count") and not all(
                v.isdigit() for v in values):
            raise StoreConfigError(f"The {key} in the database address in {URL_ENV} is {_shown(values[0])}; "
                                   "it must be a whole number.")


def _sqlite_target(url: URL) -> SqliteTarget:
    database = url.database or ""
    query = dict(url.query)
    if database in ("", ":memory:"):
        return SqliteTarget(None)
    if database.startswith("file:"):
        database = database[len("file:"):]
    read_only = query.get("mode") == "ro"
    return SqliteTarget(Path(database).expanduser(), read_only=read_only)
