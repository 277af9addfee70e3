"""A queue for the expensive work anonymous requests can cause: passphrase stretching (scrypt).

A passphrase guess costs the server one scrypt run (tens of milliseconds, 16 MiB). Counting
failures and refusing after too many would let anyone lock every visitor out. Instead, only a
few runs happen at once: a request waits for a free slot (a queue, not a refusal), and only a
request that waits longer than ``max_wait`` seconds, which happens only while the host is
flooded, is answered "busy, try again". Nothing about the requester is kept or compared.

Slots are shared by every worker process and every instance:
- on PostgreSQL, as advisory locks in the database, so adding instances adds no slots;
- on SQLite (one host), as file locks in the instance folder.
A lock is released when its holder ends, even if the holder crashes.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.engine import Engine

POLL_SECONDS = 0.005
LOCK_CLASS = 0x52756D62  # "Rumb": the advisory-lock namespace of these slots
Release = Callable[[], None]


class GateBusy(Exception):
    """No slot came free in time: answer 503 and let the visitor try again."""


class WorkGate:
    """At most ``slots`` runs at once; the rest wait their turn, up to ``max_wait`` seconds."""

    def __init__(self, slots: int, max_wait: float) -> None:
        self.slots, self.max_wait = max(1, slots), max_wait

    @contextmanager
    def turn(self) -> Iterator[None]:
        deadline = time.monotonic() + self.max_wait
        while True:
            for slot in range(self.slots):
                release = self._try(slot)
                if release is not None:
                    try:
                        yield
                    finally:
                        release()
                    return
            if time.monotonic() >= deadline:
                raise GateBusy
            time.sleep(POLL_SECONDS)

    def _try(self, slot: int) -> Release | None:
        """Take ``slot`` if it is free: return how to give it back; None if it is taken."""
        raise NotImplementedError


class FileGate(WorkGate):
    """Slots as ``flock`` locks on files in one folder (every process on this host)."""

    def __init__(self, folder: Path, slots: int, max_wait: float) -> None:
        super().__init__(slots, max_wait)
        self.folder = folder

    def _try(self, slot: int) -> Release | None:
        self.folder.mkdir(parents=True, exist_ok=True)
        handle = os.open(self.folder / f"work-slot-{slot}.lock", os.O_CREAT | os.O_RDWR, 0o600)
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(handle)
            return None

        def release() -> None:
            fcntl.flock(handle, fcntl.LOCK_UN)
            os.close(handle)

        return release


class DatabaseGate(WorkGate):
    """Slots as PostgreSQL advisory locks (every process of every instance on this database)."""

    def __init__(self, engine: Engine, slots: int, max_wait: float) -> None:
        super().__init__(slots, max_wait)
        self.engine = engine

    def _try(self, slot: int) -> Release | None:
        connection = self.engine.connect()
        taken = connection.execute(select(func.pg_try_advisory_lock(LOCK_CLASS, slot))).scalar()
        if not taken:
            connection.close()
            return None

        def release() -> None:
            connection.execute(select(func.pg_advisory_unlock(LOCK_CLASS, slot)))
            connection.close()

        return release
