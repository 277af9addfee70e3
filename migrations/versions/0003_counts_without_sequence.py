"""Counts whose storage holds no sequence: events about a step are kept per week, and on SQLite
the count tables are WITHOUT ROWID (rows lie in key order, not in the order they first appeared).

Existing step events are folded into their week (the Monday), summed.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

DAILY_COLUMNS = "day, locale, module, step, event, count"
WEEKLY_COLUMNS = "week, locale, question, answer, count"
DAILY_KEY = ("day", "locale", "module", "step", "event")
WEEKLY_KEY = ("week", "locale", "question", "answer")


def _monday(dialect: str) -> str:
    """SQL for the Monday of the ISO week of column ``day``."""
    if dialect == "postgresql":
        return "CAST(date_trunc('week', day) AS DATE)"
    return "date(day, '-' || ((CAST(strftime('%w', day) AS INTEGER) + 6) % 7) || ' days')"


def _new_tables(with_rowid: bool) -> tuple[sa.Table, sa.Table]:
    kwargs = {} if with_rowid else {"sqlite_with_rowid": False}
    metadata = sa.MetaData()
    daily = sa.Table(
        "daily_counts_new", metadata,
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("locale", sa.String(length=16), nullable=False),
        sa.Column("module", sa.String(length=64), nullable=False),
        sa.Column("step", sa.String(length=64), nullable=False),
        sa.Column("event", sa.String(length=32), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(*DAILY_KEY, name="pk_daily_counts_new"),
        **kwargs,
    )  # fmt: skip
    weekly = sa.Table(
        "weekly_answers_new", metadata,
        sa.Column("week", sa.Date(), nullable=False),
        sa.Column("locale", sa.String(length=16), nullable=False),
        sa.Column("question", sa.String(length=96), nullable=False),
        sa.Column("answer", sa.String(length=32), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(*WEEKLY_KEY, name="pk_weekly_answers_new"),
        **kwargs,
    )  # fmt: skip
    return daily, weekly


def _rebuild(with_rowid: bool, fold_steps: bool) -> None:
    bind = op.get_bind()
    dialect = bind.dialect.name
    daily, weekly = _new_tables(with_rowid)
    daily.create(bind)
    weekly.create(bind)
    day = f"CASE WHEN module <> '' THEN {_monday(dialect)} ELSE day END" if fold_steps else "day"
    # Sorted by key, so even a table that keeps insertion order starts in key order.
    op.execute(
        f"INSERT INTO daily_counts_new ({DAILY_COLUMNS}) "  # noqa: S608 (constant SQL)
        f"SELECT {day} AS d, locale, module, step, event, SUM(count) FROM daily_counts "
        f"GROUP BY d, locale, module, step, event ORDER BY d, locale, module, step, event"
    )
    op.execute(
        f"INSERT INTO weekly_answers_new ({WEEKLY_COLUMNS}) "  # noqa: S608 (constant SQL)
        f"SELECT {WEEKLY_COLUMNS} FROM weekly_answers ORDER BY week, locale, question, answer"
    )
    for table, key in (("daily_counts", "pk_daily_counts"), ("weekly_answers", "pk_weekly_answers")):
        op.drop_table(table)
        op.rename_table(f"{table}_new", table)
        if dialect == "postgresql":
            op.execute(f"ALTER TABLE {table} RENAME CONSTRAINT pk_{table}_new TO {key}")
    # SQLite keeps the constraint name of the new table in its schema text only; the key itself
    # is what matters, and the model names it through the naming convention.


def upgrade() -> None:
    _rebuild(with_rowid=False, fold_steps=True)


def downgrade() -> None:
    _rebuild(with_rowid=True, fold_steps=False)
