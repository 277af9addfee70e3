"""Counting that never slows or breaks a page: add in memory, write totals now and then.

Each process keeps a small dictionary of increments and writes it as one upsert per key, at most
every ``interval`` seconds (0: after every request), after the response is sent. Keys are sorted
before writing, so not even the order of rows hints at the order of events. Each key is written
in a transaction of its own, so that on PostgreSQL no two cells share an ``xmin``: one
transaction would pair the answers of one person (a check-in's three rulers). If the database is
unavailable, the increments are dropped: a count is worth less than a page.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

from sqlalchemy import TableClause
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

log = logging.getLogger(__name__)
Key = tuple[Any, ...]


def upsert(
    engine: Engine, table: TableClause, key_columns: tuple[str, ...], increments: dict[Key, int]
) -> None:
    insert = postgresql.insert if engine.dialect.name == "postgresql" else sqlite.insert
    rows = [
        dict(zip(key_columns, key, strict=True), count=n) for key, n in sorted(increments.items())
    ]
    statement = insert(table)
    statement = statement.on_conflict_do_update(
        index_elements=list(key_columns), set_={"count": table.c.count + statement.excluded.count}
    )
    with engine.connect() as connection:
        for row in rows:  # one transaction per cell (module docstring)
            connection.execute(statement, row)
            connection.commit()


class Tally:
    def __init__(
        self,
        write: Callable[[dict[Key, int]], None],
        interval: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.write, self.interval, self.clock = write, interval, clock
        self._pending: Counter[Key] = Counter()
        self._lock = threading.Lock()
        self._last = clock()

    def add(self, key: Key, amount: int = 1) -> None:
        with self._lock:
            self._pending[key] += amount

    def due(self) -> bool:
        return bool(self._pending) and self.clock() - self._last >= self.interval

    def flush(self) -> None:
        with self._lock:
            pending, self._pending = self._pending, Counter()
            self._last = self.clock()
        if not pending:
            return
        try:
            self.write(dict(pending))
        except SQLAlchemyError as error:
            log.warning("counts dropped: database unavailable (%s)", type(error).__name__)
