"""feedback and grades: agents' remarks on articles, human grades of answers

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "feedback",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("article_id", sa.String(128), nullable=False),
        sa.Column("section", sa.String(255), nullable=True),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("agent_id", sa.String(64), nullable=False),
        sa.Column("owner", sa.String(128), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["contact_id"], ["contacts.id"], name="fk_feedback_contact_id_contacts",
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name="pk_feedback"),
    )
    for column in ("created_at", "article_id", "owner"):
        op.create_index(f"ix_feedback_{column}", "feedback", [column])

    op.create_table(
        "grades",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("grader", sa.String(64), nullable=False),
        sa.Column("juist", sa.Boolean(), nullable=False),
        sa.Column("volledig", sa.Boolean(), nullable=False),
        sa.Column("bron_klopt", sa.Boolean(), nullable=False),
        sa.Column("begrijpelijk", sa.Boolean(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["contact_id"], ["contacts.id"], name="fk_grades_contact_id_contacts",
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_grades"),
    )
    for column in ("created_at", "contact_id"):
        op.create_index(f"ix_grades_{column}", "grades", [column])


def downgrade() -> None:
    op.drop_table("grades")
    op.drop_table("feedback")
