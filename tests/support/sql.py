"""What SQL a SQLite database is sent: for tests of how much work something costs it."""

from __future__ import annotations

import sqlite3

from sqlalchemy import event
from sqlalchemy.engine import Engine


def statements_on(engine: Engine) -> list[str]:
    """Every SQL statement SQLite runs on connections ``engine`` opens from now on."""
    seen: list[str] = []

    @event.listens_for(engine, "connect")
    def trace(connection: sqlite3.Connection, _record: object) -> None:
        connection.set_trace_callback(seen.append)

    engine.dispose()  # connections opened before the listener would not report
    return seen
