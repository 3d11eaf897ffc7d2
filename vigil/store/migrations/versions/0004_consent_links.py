"""The consent links: each private link's token by its SHA-256 only, and the head of each consent record.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from alembic import op

from vigil.store.migrations.columns import key, moment, number, text

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("consent_links", key("token_sha256"), text("assessment_id"), text("person_id"), text("link_id"),
                    moment("created"))
    op.create_index("ix_consent_links_assessment_id", "consent_links", ["assessment_id"])
    op.create_table("consent_heads", key("assessment_id"), number("count"), text("head"))
