"""How long workbooks last, deleting them when their time is up, and making deleted bytes leave
the database's files as far as the database allows. No Flask here.

Never-kept workbooks are deleted once a whole day has passed without use, kept ones after the
host's ``workbook_retention_days``. A row past its time never opens (``is_expired``), purged or
not; ``purge`` deletes them (every six hours from gunicorn's master, workbook/cli.py).
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import delete, or_, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from ..db import engine_of
from .model import WorkbookRow

NEVER_KEPT_DAYS = 1  # deleted once a whole day has passed without use


def is_expired(last_used: date, kept: bool, today: date, kept_days: int) -> bool:
    """Past its time: what ``purge`` deletes."""
    days = kept_days if kept else NEVER_KEPT_DAYS
    return last_used < today - timedelta(days=days)


# Any number the portal's other advisory locks (privacy/work_gate.py) do not use.
VACUUM_LOCK = 0x52554D42  # "RUMB"
VACUUM_LOCK_TIMEOUT = "2s"  # give way rather than queue saves behind the vacuum's table lock


def forget_deleted(db: Session, vacuum: bool = False) -> None:
    """Make deleted workbooks' bytes leave the database's files, as far as the database allows.

    SQLite overwrites deleted rows in the main file (``secure_delete``), but earlier versions
    of a page stay in the write-ahead log until it is checkpointed: copy the log into the main
    file and truncate it (waiting up to the connection's busy timeout for readers to finish).
    PostgreSQL keeps dead rows in the table file until they are vacuumed; with ``vacuum`` (the
    purge) a plain VACUUM frees them for reuse (``_vacuum``). What a file system, a backup or a
    WAL archive keeps is beyond this: docs/privacy.md says so.
    """
    dialect = db.get_bind().dialect.name
    if dialect == "sqlite":
        db.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
        db.commit()
    elif dialect == "postgresql" and vacuum:
        db.commit()
        _vacuum(engine_of(db))


def _vacuum(engine: Engine) -> bool:
    """A plain VACUUM of the workbooks, on one instance at a time; False when skipped.

    Not VACUUM FULL: that rewrites the table under an exclusive lock, and every save waited
    for it (15 s with 600 MB of workbooks). A plain VACUUM lets saves go on; if it cannot get
    its own lock within ``VACUUM_LOCK_TIMEOUT`` it gives up until the next purge, and while
    another instance holds ``VACUUM_LOCK`` this one does not start a second vacuum.
    """
    with engine.connect() as connection:
        connection = connection.execution_options(isolation_level="AUTOCOMMIT")
        taken = connection.execute(text("SELECT pg_try_advisory_lock(:key)"), {"key": VACUUM_LOCK})
        if not taken.scalar_one():
            return False
        try:
            connection.execute(text(f"SET lock_timeout = '{VACUUM_LOCK_TIMEOUT}'"))
            connection.execute(text("VACUUM workbooks"))
        except OperationalError:  # lock_timeout: saves come first; the next purge tries again
            return False
        finally:
            connection.execute(text("RESET lock_timeout"))
            connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": VACUUM_LOCK})
    return True


def purge(db: Session, today: date, kept_days: int, vacuum: bool = True) -> int:
    """Delete never-kept workbooks unused for a whole day and kept ones past ``kept_days``;
    then, with ``vacuum`` (not on a visitor's request), vacuum the table on PostgreSQL."""
    # The same rule as is_expired(), as SQL.
    result = db.execute(
        delete(WorkbookRow).where(
            or_(
                (WorkbookRow.kept.is_(False))
                & (WorkbookRow.last_used < today - timedelta(days=NEVER_KEPT_DAYS)),
                (WorkbookRow.kept.is_(True))
                & (WorkbookRow.last_used < today - timedelta(days=kept_days)),
            )
        )
    )
    db.commit()
    forget_deleted(db, vacuum=vacuum)
    return int(getattr(result, "rowcount", 0))
