"""Workbooks in the database: load, change, keep and delete (purge: retention.py). No Flask here.

The content is answers per module, check-ins (workbook/checkins.py, dated by ISO week only),
self-checks and guided support's keys (guided/threads.py), sealed in parts behind a sealed index
so that a page decrypts only what it shows (parts.py, document.py); the row holds only that one
value, the lookup id, a day-precision ``last_used`` and ``kept``. A workbook saved before parts
(one JSON document under one seal) still opens, and is written in parts on its next save.

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
from datetime import date
from functools import cache

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.engine import Dialect, Engine
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session

from ..db import engine_of
from . import parts
from .crypto import ServerKeys, Unreadable, WorkbookKeys, new_keys, seal, unseal
from .document import Workbook
from .limits import TooLarge as TooLarge  # raised by Workbook.seal, caught as store.TooLarge
from .model import WorkbookRow
from .retention import forget_deleted, is_expired

MAX_ATTEMPTS = 40  # each round, at least one of the competing saves wins
BACKOFF_SECONDS = 0.002  # times the attempt number, with jitter: rounds spread out


class Busy(Exception):
    """The workbook kept changing under this save: the caller answers 503, text kept."""


def _open(
    keys: WorkbookKeys, ciphertext: bytes, kept: bool, last_used: date | None = None
) -> Workbook:
    sealed = parts.read_index(keys.data_key, keys.lookup_id, ciphertext)
    if sealed is None:
        return _open_whole(keys, ciphertext, kept, last_used)
    workbook = Workbook(keys, kept=kept, opened_from=ciphertext, last_used=last_used, sealed=sealed)
    _note_pending(workbook, sealed.index.extra.get("pending"))
    return workbook


def _open_whole(
    keys: WorkbookKeys, ciphertext: bytes, kept: bool, last_used: date | None
) -> Workbook:
    """A forward (``rekey``), or a workbook saved before parts.py: one JSON document of version
    1 (every release wrote ``"v": 1``) under one seal. It opens whole, and its next save writes
    it in parts. A document of any other shape or version is unreadable, never misread."""
    data = json.loads(unseal(keys.data_key, ciphertext, keys.lookup_id))
    document = data if isinstance(data, dict) and data.get("v") == 1 else {}
    if isinstance(document.get("moved_to"), str):
        raise Moved(WorkbookKeys.from_bytes(bytes.fromhex(document["moved_to"])))
    answers, check_ins = document.get("answers"), document.get("check_ins", [])
    guided, self_checks = document.get("guided", {}), document.get("self_checks", [])
    pending = document.get("pending", {})
    shapes = (
        (answers, dict),
        (check_ins, list),
        (guided, dict),
        (self_checks, list),
        (pending, dict),
    )
    if not all(isinstance(value, kind) for value, kind in shapes):
        raise Unreadable("not a workbook of version 1")
    workbook = Workbook(
        keys,
        answers,
        kept,
        check_ins,
        guided=guided,
        self_checks=self_checks,
        opened_from=ciphertext,
        last_used=last_used,
    )
    _note_pending(workbook, pending)
    return workbook


def _note_pending(workbook: Workbook, pending: object) -> None:
    """A passphrase made by keeping and not shown yet, and the row it was kept from (left as a
    forward until then): in either format, ``{"passphrase": ..., "from": <lookup id, hex>}``."""
    if isinstance(pending, dict):
        workbook.pending_passphrase = str(pending.get("passphrase", ""))
        workbook.forwarded_from = bytes.fromhex(str(pending.get("from", "")))


class Moved(Exception):
    """The row is a forward left by ``rekey(forward=True)``: the workbook lives under ``keys``."""

    def __init__(self, keys: WorkbookKeys) -> None:
        super().__init__()  # no arguments: the keys must never reach a message or a log line
        self.keys = keys


def _seal(workbook: Workbook) -> bytes:
    return workbook.seal()


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
) -> tuple[bytes, bool, date] | None:
    """The stored row, read outside any transaction of the caller (on its own pooled
    connection): on SQLite, a write after a read in one transaction fails at once if anyone
    wrote in between, instead of waiting its turn."""
    engine = db if isinstance(db, Engine) else engine_of(db)
    sql, positional = _driver_read(engine.dialect)
    try:
        # Inside the try: a database that cannot be reached fails here (issue 21, row 1).
        connection = engine.raw_connection()
        try:
            cursor = connection.cursor()
            cursor.execute(sql, (lookup_id,) if positional else {"lookup_id": lookup_id})
            row = cursor.fetchone()
            cursor.close()
        finally:
            connection.close()  # back to the pool, which ends any transaction the driver began
    except engine.dialect.loaded_dbapi.Error as error:
        # As SQLAlchemy would raise it: callers answer "try again" (503), never a 500.
        raise DBAPIError.instance(sql, None, error, engine.dialect.loaded_dbapi.Error) from None
    if row is None:
        return None
    ciphertext, kept, last_used = bytes(row[0]), bool(row[1]), row[2]
    if isinstance(last_used, str):  # SQLite keeps dates as ISO text
        last_used = date.fromisoformat(last_used)
    if expiry is not None and is_expired(last_used, kept, *expiry):
        return None
    return ciphertext, kept, last_used


def load(
    db: Session | Engine,
    keys: WorkbookKeys,
    expiry: tuple[date, int] | None = None,
    follow: bool = False,
) -> Workbook | None:
    """The workbook for ``keys``, or None if it does not exist (deleted, or past ``expiry``:
    (today, days a kept workbook lasts)). Only with ``follow`` (the visitor's own cookie) does
    a forward left by keeping lead on to the kept workbook: never from a passphrase, which may
    be the leaked one the visitor is replacing."""
    found = _read(db, keys.lookup_id, expiry)
    if found is None:
        return None
    try:
        return _open(keys, *found)
    except Moved as moved:  # kept a moment ago; the browser may not have its new cookie yet
        if not follow:
            return None
        onward = _read(db, moved.keys.lookup_id, expiry)
        try:
            return _open(moved.keys, *onward) if onward else None
        except Moved:
            return None


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
            )  # not kept: a workbook is kept only by moving it under a passphrase (rekey)
        )
        db.commit()
        return workbook

    def attempt(number: int) -> Attempt:
        if number == 0 and workbook.opened_from:
            found: tuple[bytes, bool, date | None] | None = (
                workbook.opened_from,
                workbook.kept,
                workbook.last_used,
            )
        else:
            found = _read(db, workbook.keys.lookup_id)
        if found is None:
            return DONE, None  # deleted elsewhere, or expired
        before, kept, _ = found
        try:
            current = _open(workbook.keys, before, kept, today)
        except Moved:
            return DONE, None  # kept meanwhile, under keys this request does not hold
        edit(current)
        if _swap(db, workbook.keys.lookup_id, before, _seal(current), today):
            return DONE, current
        return LOST, None

    return _until_done(attempt)


Attempt = tuple[bool, "Workbook | None"]
DONE, LOST = True, False


def _until_done(attempt: Callable[[int], Attempt]) -> Workbook | None:
    """Run ``attempt`` (a read, a change and a compare-and-swap write) until it is done rather
    than lost to a competing save, backing off a little more each time with jitter; raises
    :class:`Busy` after ``MAX_ATTEMPTS`` lost races."""
    for number in range(MAX_ATTEMPTS):
        done, result = attempt(number)
        if done:
            return result
        time.sleep(BACKOFF_SECONDS * number * random.random())  # noqa: S311 (jitter only)
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
        with engine_of(db).begin() as connection:
            return connection.execute(SWAP, values).rowcount == 1
    except OperationalError:  # SQLite: the database stayed locked past its timeout
        return False


def rekey(
    db: Session,
    workbook: Workbook,
    keys: WorkbookKeys,
    today: date,
    kept: bool = True,
    pending_passphrase: str = "",
) -> Workbook | None:
    """Move a workbook under new keys and the old row goes: keys from a passphrase when the
    visitor keeps it (``kept``), or fresh keys when the server's key was retired.

    The old row is deleted only if it is still the version read, in the same transaction as
    the new row is written: an answer saved meanwhile is never left behind. With a
    ``pending_passphrase`` (keeping) the old row becomes a forward to the new keys, sealed
    under the old ones, until the passphrase is shown (``shown``): a browser that lost the
    answer to "keep" and sends it again with its old cookie reaches the same workbook and the
    same passphrase. A forward is never kept: the purge removes it after a day at most.
    """

    def attempt(_number: int) -> Attempt:
        found = _read(db, workbook.keys.lookup_id)
        if found is None:
            return DONE, None
        before = found[0]
        try:
            old = _open(workbook.keys, *found)
        except Moved as onward:  # kept by the same request a moment ago
            return DONE, load(db, onward.keys)
        moved = Workbook(
            keys,
            dict(old.answers.items()),
            kept=kept,
            check_ins=old.check_ins,
            guided=old.guided,
            self_checks=old.self_checks,
            last_used=today,
            pending_passphrase=pending_passphrase,
            forwarded_from=workbook.keys.lookup_id if pending_passphrase else b"",
        )
        this_version = (WorkbookRow.lookup_id == workbook.keys.lookup_id) & (
            WorkbookRow.ciphertext == before
        )
        if pending_passphrase:
            forward = json.dumps({"v": 1, "moved_to": keys.to_bytes().hex()}).encode()
            sealed = seal(workbook.keys.data_key, forward, workbook.keys.lookup_id)
            gone = db.connection().execute(
                update(WorkbookRow)
                .where(this_version)
                .values(ciphertext=sealed, kept=False, last_used=today)
            )
        else:
            gone = db.connection().execute(delete(WorkbookRow).where(this_version))
        if gone.rowcount != 1:
            db.rollback()
            return LOST, None
        db.execute(delete(WorkbookRow).where(WorkbookRow.lookup_id == keys.lookup_id))
        db.execute(
            insert(WorkbookRow).values(
                lookup_id=keys.lookup_id, ciphertext=_seal(moved), last_used=today, kept=kept
            )
        )
        db.commit()
        forget_deleted(db)
        return DONE, moved

    return _until_done(attempt)


def shown(db: Session, workbook: Workbook, today: date) -> Workbook | None:
    """The pending passphrase has been shown: it leaves the workbook, and the forward from the
    row it was kept from goes."""

    def forget(current: Workbook) -> None:
        current.pending_passphrase, current.forwarded_from = "", b""

    written = change(db, workbook, forget, today)
    if workbook.forwarded_from:
        db.execute(delete(WorkbookRow).where(WorkbookRow.lookup_id == workbook.forwarded_from))
        db.commit()
        forget_deleted(db)
    return written


def touch(db: Session, keys: WorkbookKeys, today: date) -> None:
    """Mark a workbook used today (only the date: its answers are not rewritten)."""
    db.execute(
        update(WorkbookRow)
        .where(WorkbookRow.lookup_id == keys.lookup_id, WorkbookRow.last_used != today)
        .values(last_used=today)
    )
    db.commit()


def erase(db: Session, keys: WorkbookKeys) -> None:
    db.execute(delete(WorkbookRow).where(WorkbookRow.lookup_id == keys.lookup_id))
    db.commit()
    forget_deleted(db)
