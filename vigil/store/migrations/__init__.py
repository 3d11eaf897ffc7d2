"""Alembic migrations of the store's schema, shipped inside the package and run by ``vigil.store.migrate``.

Each file in ``versions/`` is one step (``revision``/``down_revision``); no ``alembic.ini`` or ``env.py`` is used
at run time. To add a step: copy the newest file, give it the next number as ``revision`` and the newest as
``down_revision``, and write ``upgrade()`` with ``alembic.op``. Steps only go up: a database is never migrated down.
"""
