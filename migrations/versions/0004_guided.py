"""Guided support: the team key, counsellor accounts and sessions, threads and messages.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "guided_team_key",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("public_key", sa.LargeBinary(length=32), nullable=False),
        sa.Column("locked_private", sa.LargeBinary(), nullable=False),
        sa.Column("salt", sa.LargeBinary(length=16), nullable=False),
        sa.Column("opslimit", sa.Integer(), nullable=False),
        sa.Column("memlimit", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_guided_team_key")),
    )
    op.create_table(
        "guided_counsellors",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("totp_sealed", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_guided_counsellors")),
    )
    op.create_table(
        "guided_sessions",
        sa.Column("id_hash", sa.LargeBinary(length=32), nullable=False),
        sa.Column("key", sa.LargeBinary(length=32), nullable=False),
        sa.Column("counsellor", sa.String(length=64), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("id_hash", name=op.f("pk_guided_sessions")),
    )
    op.create_table(
        "guided_threads",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("public_key", sa.LargeBinary(length=32), nullable=False),
        sa.Column("opened", sa.Date(), nullable=False),
        sa.Column("last_message", sa.Date(), nullable=False),
        sa.Column("replied", sa.Boolean(), nullable=False),
        sa.Column("closed", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_guided_threads")),
    )
    op.create_index(op.f("ix_guided_threads_last_message"), "guided_threads", ["last_message"])
    op.create_table(
        "guided_messages",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("thread_id", sa.String(length=32), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("from_counsellor", sa.Boolean(), nullable=False),
        sa.Column("to_team", sa.LargeBinary(), nullable=False),
        sa.Column("to_visitor", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["thread_id"],
            ["guided_threads.id"],
            name=op.f("fk_guided_messages_thread_id_guided_threads"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_guided_messages")),
    )
    op.create_index(op.f("ix_guided_messages_thread_id"), "guided_messages", ["thread_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_guided_messages_thread_id"), table_name="guided_messages")
    op.drop_table("guided_messages")
    op.drop_index(op.f("ix_guided_threads_last_message"), table_name="guided_threads")
    op.drop_table("guided_threads")
    op.drop_table("guided_sessions")
    op.drop_table("guided_counsellors")
    op.drop_table("guided_team_key")
