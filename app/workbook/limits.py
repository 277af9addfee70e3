"""Bounds on what anonymous visitors can make the server store: disk, not people, is limited.

Without a cookie, every save makes a new workbook row. A flood of such saves must not fill the
disk, nor turn away the next real visitor:

- each process starts at most ``new_workbooks_per_minute`` (a setting) new workbooks a minute
  (in memory only, counted by the clock, about nobody); a save beyond it *waits* for its turn,
  up to ``MAX_WAIT_SECONDS``, instead of being refused at once;
- across the whole database, never-kept workbooks hold at most ``never_kept_megabytes`` and
  workbooks kept or used today at most ``kept_megabytes_per_day`` (``StorageBudget``);
- no workbook grows past ``MAX_WORKBOOK_BYTES`` nor holds more than ``checkins.MAX_CHECK_INS``.

Every limit answers with a clear message in the visitor's language and every typed text kept
(docs/privacy.md, "Storage limits"). No Flask here.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from .model import WorkbookRow

# Measured (tests/workbook/test_size_limit.py): thirteen modules with ~450 characters in every
# text box and a year of weekly check-ins, each with every sign, every skill and a long note,
# take about 240 KiB of plaintext (third edition: more steps). The limit leaves half as much again as headroom.
MAX_WORKBOOK_BYTES = 384 * 1024
MAX_WAIT_SECONDS = 2.0  # a sync worker waits this long at most for a new workbook's turn
# Measuring the room for never-kept workbooks sums every one of their ciphertexts: a scan that
# grows with the day's visitors (21 ms at 20,000 workbooks on SQLite, most of a first save's
# time). Far from full, a process reuses its last measurement for this long; within
# EXACT_WITHIN_BYTES of full, every new workbook measures again, so the budget is never passed
# by more than what all processes could add in REMEASURE_SECONDS after measuring 64 MiB short.
REMEASURE_SECONDS = 10.0
EXACT_WITHIN_BYTES = 64 * 1024 * 1024


class TooLarge(Exception):
    """The workbook would grow past a limit: the caller answers 413, text kept."""


class NewWorkbookBudget:
    """A token bucket: up to ``per_minute`` new workbooks, refilled continuously; a taker
    beyond it reserves the next token and waits for it, if that is soon enough."""

    def __init__(
        self,
        per_minute: int,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        max_wait: float = MAX_WAIT_SECONDS,
    ) -> None:
        self.per_minute, self.clock, self.sleep, self.max_wait = per_minute, clock, sleep, max_wait
        self._tokens, self._last = float(per_minute), clock()
        self._lock = threading.Lock()

    def take(self) -> bool:
        with self._lock:
            now = self.clock()
            refill = (now - self._last) * self.per_minute / 60
            self._tokens = min(self.per_minute, self._tokens + refill)
            self._last = now
            wait = (1 - self._tokens) * 60 / self.per_minute if self._tokens < 1 else 0.0
            if wait > self.max_wait:
                return False
            self._tokens -= 1  # reserved: takers after this one wait behind it
        if wait > 0:
            self.sleep(wait)
        return True


class StorageBudget:
    """Bytes the whole database may hold, whatever the number of processes or instances: the
    sum of never-kept ciphertexts, and of the kept ones used today (keeping one uses it)."""

    def __init__(
        self,
        never_kept_bytes: int,
        kept_bytes_per_day: int,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.never_kept_bytes, self.kept_bytes_per_day = never_kept_bytes, kept_bytes_per_day
        self.clock = clock
        self._never_kept: tuple[float, int] | None = None  # (when measured, bytes stored)

    def room_for_new(self, engine: Engine) -> bool:
        now, known = self.clock(), self._never_kept
        if (
            known is None
            or now - known[0] > REMEASURE_SECONDS
            or self.never_kept_bytes - known[1] <= EXACT_WITHIN_BYTES
        ):
            known = self._never_kept = (now, _stored(engine, kept=False))
        return known[1] < self.never_kept_bytes

    def room_to_keep(self, engine: Engine, today: date) -> bool:
        return _stored(engine, kept=True, day=today) < self.kept_bytes_per_day


def _stored(engine: Engine, kept: bool, day: date | None = None) -> int:
    query = select(func.coalesce(func.sum(func.length(WorkbookRow.ciphertext)), 0)).where(
        WorkbookRow.kept.is_(kept)
    )
    if day is not None:
        query = query.where(WorkbookRow.last_used == day)
    with engine.connect() as connection:
        return int(connection.execute(query).scalar_one())
