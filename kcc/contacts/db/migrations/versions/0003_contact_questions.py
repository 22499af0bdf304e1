"""contact questions: a contact holds one or more questions, each with its own answer and outcome

Every existing contact gets one question with its own question, answer, sources and outcome, so FCR per question
and per contact agree on the contacts logged before.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

COPIED = ("question", "answer_id", "answer_status", "sources", "answer_text", "outcome", "resolved_first_contact",
          "resolved_overridden", "forwarded_to", "team", "article_id")


def upgrade() -> None:
    op.create_table(
        "contact_questions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
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
        sa.ForeignKeyConstraint(["contact_id"], ["contacts.id"], name="fk_contact_questions_contact_id_contacts",
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_contact_questions"),
    )
    for column in ("contact_id", "team", "article_id"):
        op.create_index(f"ix_contact_questions_{column}", "contact_questions", [column])
    columns = ", ".join(COPIED)
    op.execute(f"INSERT INTO contact_questions (contact_id, position, created_at, {columns}) "  # noqa: S608
               f"SELECT id, 0, created_at, {columns} FROM contacts")


def downgrade() -> None:
    op.drop_table("contact_questions")
