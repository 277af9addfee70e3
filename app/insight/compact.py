"""Count tables rewritten in key order, so their storage keeps no trace of when cells appeared.

On SQLite the tables are ``WITHOUT ROWID``: rows always lie in key order. On PostgreSQL a row's
place in the table file follows when its cell first appeared (docs/insight.md); ``CLUSTER``
rewrites each table in key order. The purge runs this every six hours. No Flask here.
"""

from __future__ import annotations

from sqlalchemy.engine import Engine

TABLES = (("daily_counts", "pk_daily_counts"), ("weekly_answers", "pk_weekly_answers"))


def compact_counts(engine: Engine) -> None:
    if engine.dialect.name != "postgresql":
        return
    with engine.begin() as connection:
        for table, key in TABLES:
            connection.exec_driver_sql(f"CLUSTER {table} USING {key}")
