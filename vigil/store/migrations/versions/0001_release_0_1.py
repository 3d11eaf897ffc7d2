"""The schema of release 0.1.0: one ``assessments`` table (a database made by it has no ``alembic_version``).

Revision ID: 0001
Revises: (none)
"""

from __future__ import annotations

from alembic import op

from vigil.store.migrations.columns import json_document, key, moment, number, text

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("assessments", key("id"), text("checklist_id"), text("checklist_version"), text("title"),
                    number("revision"), moment("created"), moment("updated"), json_document())
    op.create_index("ix_assessments_updated", "assessments", ["updated"])
