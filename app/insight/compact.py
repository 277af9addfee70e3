"""Count tables rewritten in key order, so their storage keeps no trace of when cells appeared.

On SQLite the tables are ``WITHOUT ROWID``: rows always lie in key order. On PostgreSQL a row's
place in the table file follows when its cell first appeared, and its ``xmin`` names the
transaction that last wrote it (docs/insight.md). Every six hours the purge copies each table
aside, empties it (``TRUNCATE`` gives it a new, empty file; the old one is removed at commit)
and writes the rows back in key order, all in one transaction: afterwards every row lies in key
order under the same ``xmin``. ``CLUSTER`` would keep each row's old ``xmin``. No Flask here.
"""

from __future__ import annotations

import logging

from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError

log = logging.getLogger(__name__)

TABLES = {
    "daily_counts": "day, locale, module, step, event",
    "weekly_answers": "week, locale, question, answer",
}
LOCK_TIMEOUT = "5s"  # a busy table is compacted at the next purge rather than stall the counts


def compact_counts(engine: Engine) -> None:
    if engine.dialect.name != "postgresql":
        return
    try:
        _rewrite_in_key_order(engine)
    except OperationalError as error:  # the lock timeout: counts keep flowing, retried later
        log.warning("count tables not compacted this time (%s)", type(error.orig).__name__)


def _rewrite_in_key_order(engine: Engine) -> None:
    with engine.begin() as connection:
        connection.exec_driver_sql(f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT}'")
        for table, key in TABLES.items():
            # Locked first, so that no count written between the copy and the TRUNCATE is lost.
            connection.exec_driver_sql(f"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE")
            # Table and key names are the constants above, never input.
            copy = f"CREATE TEMPORARY TABLE compacting AS SELECT * FROM {table}"  # noqa: S608
            back = f"INSERT INTO {table} SELECT * FROM compacting ORDER BY {key}"  # noqa: S608
            connection.exec_driver_sql(copy)
            connection.exec_driver_sql(f"TRUNCATE {table}")
            connection.exec_driver_sql(back)
            connection.exec_driver_sql("DROP TABLE compacting")
