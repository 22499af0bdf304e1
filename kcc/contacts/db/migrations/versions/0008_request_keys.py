"""request keys: the Idempotency-Key of the request that logged a contact's question, so that a request sent twice
(a double click, a retry after a timeout) logs one question

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("contact_questions") as batch:
        batch.add_column(sa.Column("request_key", sa.String(64), nullable=True))
        batch.create_unique_constraint("uq_contact_questions_request_key", ["request_key"])


def downgrade() -> None:
    with op.batch_alter_table("contact_questions") as batch:
        batch.drop_constraint("uq_contact_questions_request_key", type_="unique")
        batch.drop_column("request_key")
