"""Summary columns for the work queue, written at each save and indexed.

``summary_state`` is ``pending`` until the store has computed the summary of a row (rows of older databases
are summarised when a server starts), ``ok`` afterwards, ``unreadable`` when this version cannot read the row.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("assessments", sa.Column("reference", sa.Text, nullable=False, server_default=""))
    op.add_column("assessments", sa.Column("search", sa.Text, nullable=False, server_default=""))
    op.add_column("assessments", sa.Column("format_version", sa.Integer, nullable=True))
    op.add_column("assessments", sa.Column("summary_state", sa.Text, nullable=False, server_default="pending"))
    op.add_column("assessments", sa.Column("summary_version", sa.Integer, nullable=False, server_default="0"))
    op.add_column("assessments", sa.Column("verdict", sa.Text, nullable=True))
    op.add_column("assessments", sa.Column("answered", sa.Integer, nullable=True))
    op.add_column("assessments", sa.Column("required", sa.Integer, nullable=True))
    op.add_column("assessments", sa.Column("unanswered", sa.Integer, nullable=True))
    op.add_column("assessments", sa.Column("not_asked", sa.Integer, nullable=True))
    op.add_column("assessments", sa.Column("next_due", sa.Date, nullable=True))
    op.create_index("ix_assessments_verdict", "assessments", ["verdict", "updated"])
    op.create_index("ix_assessments_next_due", "assessments", ["next_due"])
    op.create_index("ix_assessments_reference", "assessments", ["reference"])
    op.create_index("ix_assessments_unanswered", "assessments", ["unanswered"])
    op.create_index("ix_assessments_not_asked", "assessments", ["not_asked"])
    op.create_index("ix_assessments_summary_state", "assessments", ["summary_state", "summary_version"])
