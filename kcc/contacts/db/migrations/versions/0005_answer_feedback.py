"""answer feedback: "Heeft dit antwoord u geholpen?" from the chat page and the website

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "answer_feedback",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("answer_id", sa.String(64), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("helpful", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_answer_feedback"),
    )
    for column in ("created_at", "answer_id"):
        op.create_index(f"ix_answer_feedback_{column}", "answer_feedback", [column])


def downgrade() -> None:
    op.drop_table("answer_feedback")
