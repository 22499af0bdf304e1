"""contacts: the contact log

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "contacts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("answer_id", sa.String(64), nullable=True),
        sa.Column("answer_status", sa.String(16), nullable=True),
        sa.Column("sources", sa.JSON(), nullable=False),
        sa.Column("answer_text", sa.Text(), nullable=True),
        sa.Column("outcome", sa.String(64), nullable=False),
        sa.Column("resolved_first_contact", sa.Boolean(), nullable=False),
        sa.Column("resolved_overridden", sa.Boolean(), nullable=False),
        sa.Column("forwarded_to", sa.String(128), nullable=True),
        sa.Column("team", sa.String(128), nullable=True),
        sa.Column("article_id", sa.String(128), nullable=True),
        sa.Column("duration_seconds", sa.Integer(), nullable=False),
        sa.Column("agent_id", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_contacts"),
    )
    for column in ("created_at", "channel", "team", "article_id"):
        op.create_index(f"ix_contacts_{column}", "contacts", [column])


def downgrade() -> None:
    op.drop_table("contacts")
