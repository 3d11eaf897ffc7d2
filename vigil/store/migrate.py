"""Bring a database's schema up to this version's, with Alembic, programmatically (no ``alembic.ini``).

The steps live in ``vigil/store/migrations/versions/``. ``upgrade`` runs inside the caller's transaction, which
must already hold the database's schema lock (PostgreSQL: an advisory transaction lock; SQLite: a write
transaction, ``BEGIN IMMEDIATE``), so that several servers starting at once upgrade one after the other: the
first does the work, the others find the schema current.

A database made by release 0.1.0 has the ``assessments`` table and no ``alembic_version``: it is at step 0001.
A database whose step this version does not know was upgraded by a newer Vigil: it is refused, never altered.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Any

from alembic.migration import MigrationContext
from alembic.operations import Operations
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Connection, inspect

from vigil.store import StoreError

BASELINE = "0001"
"""The step a database made by release 0.1.0 (before migrations) is at."""


class SchemaTooNewError(StoreError):
    """The database was upgraded by a newer Vigil; this version refuses to read or change it."""

    i18n_key = "store.schema_too_new"
    template = ("This database was upgraded by a newer version of Vigil (schema {found}; this version knows up to "
                "{head}). Nothing was changed. Update Vigil on this computer to use it.")


class SchemaOutdatedError(StoreError):
    """A read-only database is at an older schema and cannot be upgraded from here."""

    i18n_key = "store.schema_outdated"
    template = ("This database is at an older schema ({found}; this version needs {head}) and is open read-only. "
                "Open it once with write access (or start a server that may write to it) to upgrade it.")


@cache
def script_directory() -> ScriptDirectory:
    return ScriptDirectory(str(files("vigil.store") / "migrations"))


def head() -> str:
    current = script_directory().get_current_head()
    assert current is not None
    return current


def _context(conn: Connection, **opts: Any) -> MigrationContext:
    return MigrationContext.configure(connection=conn, opts=opts)


def current(conn: Connection) -> str | None:
    """The step the database is at: None for an empty database, ``BASELINE`` for one made by release 0.1.0."""
    heads = _context(conn).get_current_heads()
    if heads:
        return ",".join(sorted(heads))
    return BASELINE if inspect(conn).has_table("assessments") else None


def _known(revision: str) -> bool:
    try:
        return all(script_directory().get_revision(r) is not None for r in revision.split(","))
    except CommandError:
        return False


def check(conn: Connection) -> str | None:
    """The database's step; raises ``SchemaTooNewError`` when this version does not know it. Changes nothing."""
    found = current(conn)
    if found is not None and not _known(found):
        raise SchemaTooNewError(found=found, head=head())
    return found


def upgrade(conn: Connection) -> bool:
    """Upgrade to ``head()`` inside the caller's (locked) transaction. Returns True when anything was done."""
    found = check(conn)
    target = head()
    if found == target:
        return False
    script = script_directory()

    def steps(rev: Any, _context: MigrationContext) -> Any:
        return script._upgrade_revs(target, rev)

    context = _context(conn, script=script, fn=steps)
    if found == BASELINE and not context.get_current_heads():
        context.stamp(script, BASELINE)  # made by release 0.1.0: its schema is step 0001
    with Operations.context(context):
        context.run_migrations()
    return True
