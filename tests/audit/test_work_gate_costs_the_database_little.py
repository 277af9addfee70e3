"""A flood of passphrase guesses on PostgreSQL costs the database a few transactions per guess,
not one per poll: a request waiting for a stretching slot waits on one advisory lock with a
timeout instead of trying every slot every few milliseconds (the old gate made ~98 per guess)."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import create_engine, text

from app.db import ENGINE
from tests.support.apps import make_app

pytestmark = [pytest.mark.audit, pytest.mark.postgres]
THREADS, GUESSES_EACH = 8, 4
MAX_TRANSACTIONS_PER_GUESS = 8  # measured 4.6: the gate's one, the lookup's, new connections


def transactions(url: str) -> int:
    """Transactions the database has counted so far; stats of closed connections included."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT pg_stat_force_next_flush()"))
            connection.commit()
            time.sleep(0.2)
            connection.execute(text("SELECT pg_stat_clear_snapshot()"))
            return int(
                connection.execute(
                    text(
                        "SELECT xact_commit + xact_rollback FROM pg_stat_database"
                        " WHERE datname = current_database()"
                    )
                ).scalar_one()
            )
    finally:
        engine.dispose()


def test_a_flood_of_guesses_makes_a_few_transactions_per_guess(postgres_url, tmp_path):
    from tests.conftest import _reset_postgres

    _reset_postgres(postgres_url)
    app = make_app(postgres_url, tmp_path)
    engine = ENGINE.of(app)
    statuses: list[int] = []

    def guess(worker: int) -> None:
        client = app.test_client()
        for n in range(GUESSES_EACH):
            phrase = f"wrong horse battery staple {worker} {n}"
            statuses.append(client.post("/en/resume", data={"passphrase": phrase}).status_code)

    app.test_client().post("/en/resume", data={"passphrase": "warm up the pool"})
    engine.dispose()
    before = transactions(postgres_url)
    threads = [threading.Thread(target=guess, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    engine.dispose()  # closed connections flush their statistics
    made = transactions(postgres_url) - before - 3  # the measuring connection's own
    guesses = THREADS * GUESSES_EACH
    assert sorted(set(statuses)) == [400]  # every guess was answered, none refused
    assert made / guesses <= MAX_TRANSACTIONS_PER_GUESS, f"{made} transactions for {guesses}"
