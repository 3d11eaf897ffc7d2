"""The column shapes the schema (``vigil.store.schema``) and the migration steps (``versions/``) are written in.

A step that has run must keep building the same schema, so a shape here never changes: a new shape is a new
function (tests/store/test_migrations.py compares what the steps build with ``vigil.store.schema.metadata``).
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB

JSON_DOCUMENT = sa.JSON().with_variant(JSONB(), "postgresql")
"""A whole record as one JSON document: ``jsonb`` on PostgreSQL, JSON text on SQLite."""


def key(name: str) -> sa.Column[Any]:
    """The primary key, a text."""
    return sa.Column(name, sa.Text, primary_key=True)


def text(name: str) -> sa.Column[Any]:
    return sa.Column(name, sa.Text, nullable=False)


def number(name: str) -> sa.Column[Any]:
    return sa.Column(name, sa.Integer, nullable=False)


def moment(name: str) -> sa.Column[Any]:
    """A point in time, with its time zone."""
    return sa.Column(name, sa.DateTime(timezone=True), nullable=False)


def json_document() -> sa.Column[Any]:
    """The record itself (``document``)."""
    return sa.Column("document", JSON_DOCUMENT, nullable=False)
