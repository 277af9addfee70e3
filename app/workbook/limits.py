"""Bounds on what anonymous visitors can make the server store: disk, not people, is limited.

Without a cookie, every save makes a new workbook row. A flood of such saves must not fill the
disk: each process starts at most ``new_workbooks_per_minute`` (a setting) new workbooks a minute (in memory only,
counted by the clock, about nobody), and no workbook grows past ``MAX_WORKBOOK_BYTES``. Either
limit answers with a clear message in the visitor's language and every typed text kept.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

MAX_WORKBOOK_BYTES = 512 * 1024  # about fifty long answers: far more than the curriculum asks


class NewWorkbookBudget:
    """A token bucket: up to ``per_minute`` new workbooks, refilled continuously."""

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute, self.clock = per_minute, clock
        self._tokens, self._last = float(per_minute), clock()
        self._lock = threading.Lock()

    def take(self) -> bool:
        with self._lock:
            now = self.clock()
            refill = (now - self._last) * self.per_minute / 60
            self._tokens = min(self.per_minute, self._tokens + refill)
            self._last = now
            if self._tokens < 1:
                return False
            self._tokens -= 1
            return True
