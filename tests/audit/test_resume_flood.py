"""Guessing passphrases costs the guesser time, never locks anyone else out (issue 17, row 1).

The old throttle counted failures globally and answered 429 to everybody after 30 a minute. Now
scrypt runs wait for one of a few slots shared by all processes (a queue, not a refusal).
"""

from __future__ import annotations

import threading
import time

import pytest

from app.privacy.work_gate import DatabaseGate, FileGate, GateBusy
from tests.support.visitor import answer, keep

pytestmark = pytest.mark.audit
GUESSES = 40  # more than the old throttle's 30 a minute


def test_a_flood_of_wrong_guesses_never_locks_a_visitor_out(app):
    visitor = app.test_client()
    answer(visitor)
    phrase = keep(visitor)
    attacker = app.test_client()
    for number in range(GUESSES):
        wrong = attacker.post("/en/resume", data={"passphrase": f"wrong guess {number}"})
        assert wrong.status_code == 400
    returning = app.test_client().post("/en/resume", data={"passphrase": phrase})
    assert returning.status_code == 303


def hold(gate, seconds: float, started: threading.Event) -> None:
    with gate.turn():
        started.set()
        time.sleep(seconds)


def test_file_slots_queue_the_work_and_refuse_only_after_the_wait(tmp_path):
    gate = FileGate(tmp_path, slots=1, max_wait=1.0)
    started = threading.Event()
    holder = threading.Thread(target=hold, args=(gate, 0.2, started))
    holder.start()
    started.wait()
    begun = time.monotonic()
    with gate.turn():  # waits its turn, then runs
        waited = time.monotonic() - begun
    holder.join()
    assert 0.1 < waited < 1.0
    impatient = FileGate(tmp_path, slots=1, max_wait=0.05)
    started.clear()
    holder = threading.Thread(target=hold, args=(gate, 0.3, started))
    holder.start()
    started.wait()
    with pytest.raises(GateBusy), impatient.turn():
        pass
    holder.join()


@pytest.mark.postgres
def test_database_slots_are_shared_by_every_instance(postgres_url):
    from sqlalchemy import create_engine

    one, two = create_engine(postgres_url), create_engine(postgres_url)  # two "instances"
    first, second = DatabaseGate(one, 1, 0.05), DatabaseGate(two, 1, 0.05)
    try:
        with first.turn(), pytest.raises(GateBusy), second.turn():
            pass
        with second.turn():  # free again once the first instance is done
            pass
    finally:
        one.dispose()
        two.dispose()
