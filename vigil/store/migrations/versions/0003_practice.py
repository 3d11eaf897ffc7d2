"""The practice: settings kept once per database (the maker profile, the practice defaults) and templates.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from alembic import op

from vigil.store.migrations.columns import json_document, key, moment, number, text

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("settings", key("name"), number("revision"), moment("updated"), json_document())
    op.create_table("templates", key("id"), text("name"), moment("created"), moment("updated"), json_document())
    op.create_index("ix_templates_name", "templates", ["name"])
