"""triage: a status on agents' article signals, and team leads' decisions on knowledge gaps

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("feedback") as batch:
        batch.add_column(sa.Column("status", sa.String(16), nullable=False, server_default="open"))
        batch.add_column(sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True))
        batch.create_index("ix_feedback_status", ["status"])
    op.create_table(
        "gap_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("question_key", sa.String(64), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("decision", sa.String(16), nullable=False),
        sa.Column("team", sa.String(128), nullable=True),
        sa.Column("decided_by", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_gap_decisions"),
        sa.UniqueConstraint("question_key", name="uq_gap_decisions_question_key"),
    )
    for column in ("created_at", "decision"):
        op.create_index(f"ix_gap_decisions_{column}", "gap_decisions", [column])


def downgrade() -> None:
    op.drop_table("gap_decisions")
    with op.batch_alter_table("feedback") as batch:
        batch.drop_index("ix_feedback_status")
        batch.drop_column("updated_at")
        batch.drop_column("status")
