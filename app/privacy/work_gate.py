"""A queue for the expensive work anonymous requests can cause: passphrase stretching (scrypt).

A passphrase guess costs the server one scrypt run (tens of milliseconds, 16 MiB), and a guess
at the host's admin password one run of 128 MiB; both wait here for the same slots. Counting
failures and refusing after too many would let anyone lock every visitor out. Instead, only a
few runs happen at once: a request waits for a free slot (a queue, not a refusal), and only a
request that waits longer than ``max_wait`` seconds, which happens only while the host is
flooded, is answered "busy, try again". Nothing about the requester is kept or compared.

Slots are shared by every worker process and every instance:
- on PostgreSQL, as advisory locks in the database, so adding instances adds no slots. A request
  tries each slot once, then waits on one of them (chosen at random) with a lock timeout, in
  rounds that double in length; the rounds are savepoints of one transaction, so a request
  costs the database one transaction however long it waits (polling every slot every few
  milliseconds cost ~98 per guess under a flood);
- on SQLite (one host), as file locks in the instance folder, polled.
A lock is released when its holder ends, even if the holder crashes.
"""

from __future__ import annotations

import fcntl
import os
import secrets
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from flask import Flask
from sqlalchemy import func, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import OperationalError

from .. import db
from ..config.instance import private_folder
from ..context import SETTINGS, Slot

SLOTS = os.cpu_count() or 1  # at most one run per core at once
MAX_WAIT_SECONDS = 10.0  # well under gunicorn's 30 s timeout
POLL_SECONDS = 0.005
FIRST_ROUND_SECONDS = 0.1  # the database gate's first wait on one slot; each round doubles
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
        release = self._take(time.monotonic() + self.max_wait)
        try:
            yield
        finally:
            release()

    def _take(self, deadline: float) -> Release:
        """Wait for a free slot until ``deadline``: return how to give it back, or GateBusy."""
        raise NotImplementedError


class FileGate(WorkGate):
    """Slots as ``flock`` locks on files in one folder (every process on this host)."""

    def __init__(self, folder: Path, slots: int, max_wait: float) -> None:
        super().__init__(slots, max_wait)
        self.folder = folder

    def _take(self, deadline: float) -> Release:
        while True:
            for slot in range(self.slots):
                release = self._try(slot)
                if release is not None:
                    return release
            if time.monotonic() >= deadline:
                raise GateBusy
            time.sleep(POLL_SECONDS)

    def _try(self, slot: int) -> Release | None:
        """Take ``slot`` if it is free: return how to give it back; None if it is taken."""
        private_folder(self.folder)
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

    def _take(self, deadline: float) -> Release:
        connection = self.engine.connect()
        try:
            slot = self._first_free(connection)
            wait = FIRST_ROUND_SECONDS
            while slot is None:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise GateBusy
                slot = self._wait_for(connection, secrets.randbelow(self.slots), min(wait, left))
                slot = self._first_free(connection) if slot is None else slot
                wait *= 2
        except BaseException:
            connection.close()
            raise

        def release() -> None:
            connection.execute(select(func.pg_advisory_unlock(LOCK_CLASS, slot)))
            connection.close()  # ends the one transaction this turn made

        return release

    def _first_free(self, connection: Connection) -> int | None:
        for slot in range(self.slots):
            if connection.execute(select(func.pg_try_advisory_lock(LOCK_CLASS, slot))).scalar():
                return slot
        return None

    @staticmethod
    def _wait_for(connection: Connection, slot: int, seconds: float) -> int | None:
        """Wait up to ``seconds`` for ``slot``, in a savepoint (a timeout ends only that)."""
        savepoint = connection.begin_nested()
        try:
            milliseconds = max(1, int(seconds * 1000))
            connection.exec_driver_sql(f"SET LOCAL lock_timeout = {milliseconds}")
            connection.execute(select(func.pg_advisory_lock(LOCK_CLASS, slot)))
        except OperationalError:
            savepoint.rollback()
            return None
        savepoint.commit()
        return slot


WORK_GATE: Slot[WorkGate] = Slot("work_gate")


def init_app(app: Flask) -> None:
    engine = db.ENGINE.of(app)
    if engine.dialect.name == "postgresql":
        gate: WorkGate = DatabaseGate(engine, SLOTS, MAX_WAIT_SECONDS)
    else:
        gate = FileGate(SETTINGS.of(app).instance_dir / "work-slots", SLOTS, MAX_WAIT_SECONDS)
    WORK_GATE.set(app, gate)
