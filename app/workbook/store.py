"""Workbooks in the database: load, change, keep, delete and purge. No Flask here.

The plaintext is a JSON document ``{"v": 1, "answers": {module: {exercise: value}},
"check_ins": [...]}`` (check-ins: workbook/checkins.py, dated by ISO week only); the row
holds only its ciphertext, the lookup id, a day-precision ``last_used`` and ``kept``.

Changes are serialised per workbook by compare-and-swap on the ciphertext: a change reads the
row, applies itself to the plaintext and writes the new ciphertext only ``WHERE ciphertext =``
the one it read. If another save (another tab, a double click, another instance) got there
first, nothing is written and the change is applied again to the newer workbook. This holds on
SQLite and PostgreSQL alike and across any number of app instances, with no lock table and no
version counter (a counter would record how often a visitor saved).
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from typing import Any

from sqlalchemy import bindparam, delete, insert, or_, select, text, update
from sqlalchemy.engine import Dialect, Engine
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session

from .crypto import ServerKeys, Unreadable, WorkbookKeys, new_keys, seal, unseal
from .limits import MAX_WORKBOOK_BYTES
from .model import WorkbookRow

NEVER_KEPT_DAYS = 1  # deleted once a whole day has passed without use
MAX_ATTEMPTS = 40  # each round, at least one of the competing saves wins
BACKOFF_SECONDS = 0.002  # times the attempt number, with jitter: rounds spread out


class Busy(Exception):
    """The workbook kept changing under this save: the caller answers 503, text kept."""


class TooLarge(Exception):
    """The workbook would grow past its size limit: the caller answers 413, text kept."""


@dataclass
class Workbook:
    keys: WorkbookKeys
    answers: dict[str, dict[str, Any]] = field(default_factory=dict)
    kept: bool = False
    # Follow-up check-ins, oldest first, as stored (read them through checkins.history()).
    check_ins: list[dict[str, Any]] = field(default_factory=list)
    # Self-check answers, oldest first, as stored (workbook/selfchecks.py).
    self_checks: list[dict[str, Any]] = field(default_factory=list)
    # The ciphertext this was opened from: a change made in the same request starts from it
    # instead of reading the row again (and still only writes if the row is unchanged).
    opened_from: bytes = field(default=b"", repr=False)

    def set_answer(self, module: str, exercise: str, value: Any) -> None:
        self.answers.setdefault(module, {})[exercise] = value


def _plaintext(workbook: Workbook) -> bytes:
    data: dict[str, Any] = {"v": 1, "answers": workbook.answers}
    if workbook.check_ins:
        data["check_ins"] = workbook.check_ins
    if workbook.self_checks:
        data["self_checks"] = workbook.self_checks
    return json.dumps(data, ensure_ascii=False).encode()


def _open(keys: WorkbookKeys, ciphertext: bytes, kept: bool) -> Workbook:
    data = json.loads(unseal(keys.data_key, ciphertext, keys.lookup_id))
    if not isinstance(data, dict) or not isinstance(data.get("answers"), dict):
        raise Unreadable("unexpected workbook content")
    check_ins = data.get("check_ins", [])
    self_checks = data.get("self_checks", [])
    if not isinstance(check_ins, list) or not isinstance(self_checks, list):
        raise Unreadable("unexpected workbook content")
    return Workbook(keys, data["answers"], kept, check_ins, self_checks, opened_from=ciphertext)


def _seal(workbook: Workbook) -> bytes:
    plaintext = _plaintext(workbook)
    if len(plaintext) > MAX_WORKBOOK_BYTES:
        raise TooLarge
    return seal(workbook.keys.data_key, plaintext, workbook.keys.lookup_id)


def is_expired(last_used: date, kept: bool, today: date, kept_days: int) -> bool:
    """Past its time: what ``purge`` deletes. A row past its time never opens, purged or not."""
    days = kept_days if kept else NEVER_KEPT_DAYS
    return last_used < today - timedelta(days=days)


# A workbook is read on every request of a visitor who has one (docs/performance.md): this one
# statement goes straight to the driver on a pooled connection, compiled once per dialect,
# without SQLAlchemy's per-execution work (about a fifth of a cookie request's time).
READ = select(WorkbookRow.ciphertext, WorkbookRow.kept, WorkbookRow.last_used).where(
    WorkbookRow.lookup_id == bindparam("lookup_id")
)


@cache
def _driver_read(dialect: Dialect) -> tuple[str, bool]:
    """READ as the driver's SQL, and whether it takes its one parameter by position."""
    compiled = READ.compile(dialect=dialect)
    return str(compiled), bool(compiled.positional)


def _read(
    db: Session | Engine, lookup_id: bytes, expiry: tuple[date, int] | None = None
) -> tuple[bytes, bool] | None:
    """The stored row, read outside any transaction of the caller (on its own pooled
    connection): on SQLite, a write after a read in one transaction fails at once if anyone
    wrote in between, instead of waiting its turn."""
    engine = db if isinstance(db, Engine) else _engine(db)
    sql, positional = _driver_read(engine.dialect)
    connection = engine.raw_connection()
    try:
        cursor = connection.cursor()
        cursor.execute(sql, (lookup_id,) if positional else {"lookup_id": lookup_id})
        row = cursor.fetchone()
        cursor.close()
    except engine.dialect.loaded_dbapi.Error as error:
        # As SQLAlchemy would raise it: callers answer "try again" (503), never a 500.
        raise DBAPIError.instance(sql, None, error, engine.dialect.loaded_dbapi.Error) from None
    finally:
        connection.close()  # back to the pool, which ends any transaction the driver began
    if row is None:
        return None
    ciphertext, kept, last_used = bytes(row[0]), bool(row[1]), row[2]
    if isinstance(last_used, str):  # SQLite keeps dates as ISO text
        last_used = date.fromisoformat(last_used)
    if expiry is not None and is_expired(last_used, kept, *expiry):
        return None
    return ciphertext, kept


def _engine(db: Session) -> Engine:
    bind = db.get_bind()
    return bind if isinstance(bind, Engine) else bind.engine


def load(
    db: Session | Engine, keys: WorkbookKeys, expiry: tuple[date, int] | None = None
) -> Workbook | None:
    """The workbook for ``keys``, or None if it does not exist (deleted, or past ``expiry``:
    (today, days a kept workbook lasts))."""
    found = _read(db, keys.lookup_id, expiry)
    return _open(keys, *found) if found else None


def create(server: ServerKeys) -> Workbook:
    """A new, empty workbook; it reaches the database with its first ``change``."""
    return Workbook(new_keys(server))


def change(
    db: Session,
    workbook: Workbook,
    edit: Callable[[Workbook], None],
    today: date,
    new: bool = False,
) -> Workbook | None:
    """Apply ``edit`` to the stored workbook and write it; None if it no longer exists.

    A ``new`` workbook (from ``create``) is inserted. Raises :class:`Busy` after
    ``MAX_ATTEMPTS`` lost races.
    """
    if new:
        edit(workbook)
        db.execute(
            insert(WorkbookRow).values(
                lookup_id=workbook.keys.lookup_id,
                ciphertext=_seal(workbook),
                last_used=today,
                kept=workbook.kept,
            )
        )
        db.commit()
        return workbook
    for attempt in range(MAX_ATTEMPTS):
        if attempt == 0 and workbook.opened_from:
            found: tuple[bytes, bool] | None = (workbook.opened_from, workbook.kept)
        else:
            found = _read(db, workbook.keys.lookup_id)
        if found is None:
            return None  # deleted elsewhere, or expired
        before, kept = found
        current = _open(workbook.keys, before, kept)
        edit(current)
        if _swap(db, workbook.keys.lookup_id, before, _seal(current), today):
            return current
        time.sleep(BACKOFF_SECONDS * attempt * random.random())  # noqa: S311 (jitter only)
    raise Busy


SWAP = (
    update(WorkbookRow)
    .where(WorkbookRow.lookup_id == bindparam("id"), WorkbookRow.ciphertext == bindparam("before"))
    .values(ciphertext=bindparam("after"), last_used=bindparam("today"))
)


def _swap(db: Session, lookup_id: bytes, before: bytes, after: bytes, today: date) -> bool:
    """Write ``after`` only if the row still holds ``before``: one statement, its own
    transaction, no ORM bookkeeping (this is on every save: docs/performance.md)."""
    values = {"id": lookup_id, "before": before, "after": after, "today": today}
    try:
        with _engine(db).begin() as connection:
            return getattr(connection.execute(SWAP, values), "rowcount", 0) == 1
    except OperationalError:  # SQLite: the database stayed locked past its timeout
        return False


def rekey(
    db: Session, workbook: Workbook, keys: WorkbookKeys, today: date, kept: bool = True
) -> Workbook | None:
    """Move a workbook under new keys and the old row goes: keys from a passphrase when the
    visitor keeps it (``kept``), or fresh keys when the server's key was retired.

    The old row is deleted only if it is still the version read, in the same transaction as
    the new row is written: an answer saved meanwhile is never left behind.
    """
    for attempt in range(MAX_ATTEMPTS):
        found = _read(db, workbook.keys.lookup_id)
        if found is None:
            return None
        before, _ = found
        old = _open(workbook.keys, before, kept)
        moved = Workbook(
            keys, old.answers, kept=kept, check_ins=old.check_ins, self_checks=old.self_checks
        )
        gone = db.execute(
            delete(WorkbookRow).where(
                WorkbookRow.lookup_id == workbook.keys.lookup_id, WorkbookRow.ciphertext == before
            )
        )
        if getattr(gone, "rowcount", 0) != 1:
            db.rollback()
            time.sleep(BACKOFF_SECONDS * attempt * random.random())  # noqa: S311 (jitter only)
            continue
        db.execute(delete(WorkbookRow).where(WorkbookRow.lookup_id == keys.lookup_id))
        db.execute(
            insert(WorkbookRow).values(
                lookup_id=keys.lookup_id, ciphertext=_seal(moved), last_used=today, kept=kept
            )
        )
        db.commit()
        forget_deleted(db)
        return moved
    raise Busy


def touch(db: Session, keys: WorkbookKeys, today: date) -> None:
    """Mark a workbook used today (only the date: its answers are not rewritten)."""
    db.execute(
        update(WorkbookRow)
        .where(WorkbookRow.lookup_id == keys.lookup_id, WorkbookRow.last_used != today)
        .values(last_used=today)
    )
    db.commit()


def erase(db: Session, keys: WorkbookKeys) -> bool:
    result = db.execute(delete(WorkbookRow).where(WorkbookRow.lookup_id == keys.lookup_id))
    db.commit()
    forget_deleted(db)
    return bool(getattr(result, "rowcount", 0))


def forget_deleted(db: Session, thoroughly: bool = False) -> None:
    """Make deleted workbooks' bytes leave the database's files, as far as the database allows.

    SQLite overwrites deleted rows in the main file (``secure_delete``), but earlier versions
    of a page stay in the write-ahead log until it is checkpointed: copy the log into the main
    file and truncate it. PostgreSQL keeps dead rows in the table file until they are vacuumed;
    ``thoroughly`` (the daily purge) rewrites the table with VACUUM FULL. What a file system,
    a backup or a WAL archive keeps is beyond this: docs/privacy.md says so.
    """
    dialect = db.get_bind().dialect.name
    if dialect == "sqlite":
        db.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
        db.commit()
    elif dialect == "postgresql" and thoroughly:
        db.commit()
        with _engine(db).connect() as connection:
            connection.execution_options(isolation_level="AUTOCOMMIT").execute(
                text("VACUUM FULL workbooks")
            )


def purge(db: Session, today: date, kept_days: int) -> int:
    """Delete never-kept workbooks unused for a whole day and kept ones past ``kept_days``."""
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
    forget_deleted(db, thoroughly=True)
    return int(getattr(result, "rowcount", 0))
