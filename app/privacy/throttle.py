"""Throttling of failed passphrase attempts without keeping any address.

One global budget per process: at most ``limit`` failures in any ``window`` seconds. Guessing
an 80-bit passphrase is hopeless anyway; this caps the scrypt work a flood of guesses can cause.
The cost, stated in docs/privacy.md: during a flood, genuine visitors wait too.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable


class FailureThrottle:
    def __init__(
        self, limit: int = 30, window: float = 60.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limit, self.window, self.clock = limit, window, clock
        self._failures: deque[float] = deque()
        self._lock = threading.Lock()

    def _expire(self, now: float) -> None:
        while self._failures and now - self._failures[0] > self.window:
            self._failures.popleft()

    def blocked(self) -> bool:
        with self._lock:
            self._expire(self.clock())
            return len(self._failures) >= self.limit

    def failed(self) -> None:
        with self._lock:
            now = self.clock()
            self._expire(now)
            self._failures.append(now)
