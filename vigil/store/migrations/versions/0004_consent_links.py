"""The consent links: each private link's token by its SHA-256 only, and the head of each consent record.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "consent_links",
        sa.Column("token_sha256", sa.Text, primary_key=True),
        sa.Column("assessment_id", sa.Text, nullable=False),
        sa.Column("person_id", sa.Text, nullable=False),
        sa.Column("link_id", sa.Text, nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_consent_links_assessment_id", "consent_links", ["assessment_id"])
    op.create_table(
        "consent_heads",
        sa.Column("assessment_id", sa.Text, primary_key=True),
        sa.Column("count", sa.Integer, nullable=False),
        sa.Column("head", sa.Text, nullable=False),
    )
