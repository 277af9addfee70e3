"""A flood of saves cannot fill the disk (issue 17, row 6): new workbooks per minute are bounded
per process, and a workbook cannot grow past its size limit. Both keep the visitor's text."""

from __future__ import annotations

import time

import pytest

from app.db import ENGINE
from app.workbook import document
from app.workbook.limits import REMEASURE_SECONDS, StorageBudget
from app.workbook.responses import MEGABYTE, NEW_WORKBOOKS, STORAGE
from tests.support.sql import statements_on
from tests.support.visitor import MARKER, answer, keep

pytestmark = pytest.mark.audit


def test_new_workbooks_beyond_the_budget_wait_and_keep_the_text(app):
    NEW_WORKBOOKS.of(app).per_minute = 2
    NEW_WORKBOOKS.of(app)._tokens = 2
    for _ in range(2):
        assert answer(app.test_client()).status_code == 303
    flooded = answer(app.test_client(), lang="es", answer="mi texto de más")
    assert flooded.status_code == 503
    assert "mi texto de más</textarea>" in flooded.text
    assert "Set-Cookie" not in flooded.headers


def test_a_workbook_cannot_grow_past_its_limit_and_the_text_is_kept(app, monkeypatch):
    client = app.test_client()
    assert answer(client).status_code == 303
    monkeypatch.setattr(document, "MAX_WORKBOOK_BYTES", 300)
    too_much = answer(client, step="choosing", exercise="triggers", other="x" * 400, option=["0"])
    assert too_much.status_code == 413
    assert 'value="' + "x" * 400 + '"' in too_much.text


def test_a_new_workbook_beyond_the_per_minute_budget_waits_its_turn_instead(app):
    """Issue 21, row 4: a flood must not turn the next real visitor away at once."""
    budget = NEW_WORKBOOKS.of(app)
    budget.per_minute, budget._tokens = 60, 0  # used up: the next token comes in a second
    started = time.monotonic()
    assert answer(app.test_client()).status_code == 303
    assert 0.5 < time.monotonic() - started < budget.max_wait + 1


def test_room_for_never_kept_workbooks_is_counted_across_the_whole_database(app):
    visitor = app.test_client()
    assert answer(visitor).status_code == 303
    STORAGE.of(app).never_kept_bytes = 1  # full, whichever process
    refused = answer(app.test_client(), lang="es", answer="texto de otra persona")
    assert refused.status_code == 503
    assert "texto de otra persona</textarea>" in refused.text
    assert "Set-Cookie" not in refused.headers
    assert answer(visitor, answer="an existing workbook still saves").status_code == 303


def test_room_for_kept_workbooks_is_counted_per_day(app):
    first, second = app.test_client(), app.test_client()
    answer(first)
    answer(second)
    keep(first)
    STORAGE.of(app).kept_bytes_per_day = 1
    refused = second.post("/es/workbook/keep")
    assert refused.status_code == 503
    assert "inténtalo de nuevo mañana" in refused.text.lower()
    assert MARKER in second.get("/en/workbook/1").text  # still open, nothing lost


def sums_in(statements: list[str]) -> int:
    return sum(1 for s in statements if "sum(length(" in s.lower())


def test_far_from_full_the_room_is_measured_once_in_a_while_not_on_every_first_save(app):
    """Measuring sums every never-kept workbook: a scan that grows with the day's visitors."""
    engine, now = ENGINE.of(app), [1000.0]
    budget = StorageBudget(1024 * MEGABYTE, 256 * MEGABYTE, clock=lambda: now[0])
    seen = statements_on(engine)
    for _ in range(50):
        assert budget.room_for_new(engine)
    assert sums_in(seen) == 1
    now[0] += REMEASURE_SECONDS + 0.1
    assert budget.room_for_new(engine)
    assert sums_in(seen) == 2


def test_near_full_every_first_save_measures_again_so_a_full_budget_refuses_at_once(app):
    engine, now = ENGINE.of(app), [1000.0]
    assert answer(app.test_client()).status_code == 303
    budget = StorageBudget(_stored_bytes(app) + 1, 1, clock=lambda: now[0])  # one byte left
    seen = statements_on(engine)
    assert budget.room_for_new(engine)
    assert answer(app.test_client()).status_code == 303  # another process fills it
    assert not budget.room_for_new(engine)  # the same moment: no stale answer
    assert sums_in(seen) == 2


def _stored_bytes(app) -> int:
    with ENGINE.of(app).connect() as connection:
        return int(
            connection.exec_driver_sql("SELECT sum(length(ciphertext)) FROM workbooks").scalar_one()
        )
