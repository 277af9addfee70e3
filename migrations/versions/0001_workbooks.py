"""Workbooks: encrypted answers, found by a one-way id.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "workbooks",
        sa.Column("lookup_id", sa.LargeBinary(length=32), nullable=False),
        sa.Column("ciphertext", sa.LargeBinary(), nullable=False),
        sa.Column("last_used", sa.Date(), nullable=False),
        sa.Column("kept", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("lookup_id", name=op.f("pk_workbooks")),
    )
    with op.batch_alter_table("workbooks") as batch:
        batch.create_index(batch.f("ix_workbooks_last_used"), ["last_used"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("workbooks") as batch:
        batch.drop_index(batch.f("ix_workbooks_last_used"))
    op.drop_table("workbooks")
