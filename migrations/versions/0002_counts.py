"""Anonymous counts: daily totals of events, weekly totals of answers.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "daily_counts",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("locale", sa.String(length=16), nullable=False),
        sa.Column("module", sa.String(length=64), nullable=False),
        sa.Column("step", sa.String(length=64), nullable=False),
        sa.Column("event", sa.String(length=32), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("day", "locale", "module", "step", "event", name=op.f("pk_daily_counts")),
    )
    op.create_table(
        "weekly_answers",
        sa.Column("week", sa.Date(), nullable=False),
        sa.Column("locale", sa.String(length=16), nullable=False),
        sa.Column("question", sa.String(length=96), nullable=False),
        sa.Column("answer", sa.String(length=32), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("week", "locale", "question", "answer", name=op.f("pk_weekly_answers")),
    )


def downgrade() -> None:
    op.drop_table("weekly_answers")
    op.drop_table("daily_counts")
