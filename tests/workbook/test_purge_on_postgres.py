"""The purge on PostgreSQL never stalls saves and runs its vacuum on one instance at a time
(issue 21, row 9): a plain VACUUM (never VACUUM FULL, which locks the table against every
save) under a lock_timeout, behind an advisory lock that a second instance finds taken."""

from __future__ import annotations

import threading
from datetime import date, timedelta

import pytest
from sqlalchemy import create_engine, event, text, update

from app.db import ENGINE, SESSIONMAKER
from app.workbook import retention
from app.workbook.model import WorkbookRow
from tests.support.visitor import answer

pytestmark = pytest.mark.postgres


@pytest.fixture
def portal(app_factory, postgres_url, tmp_path):
    from tests.conftest import _reset_postgres

    _reset_postgres(postgres_url)
    app = app_factory(postgres_url, tmp_path)
    for _ in range(3):
        answer(app.test_client())
    with ENGINE.of(app).begin() as connection:  # one of them expired
        old = date.today() - timedelta(days=5)
        first = connection.execute(text("SELECT lookup_id FROM workbooks LIMIT 1")).scalar_one()
        connection.execute(
            update(WorkbookRow).where(WorkbookRow.lookup_id == first).values(last_used=old)
        )
    return app


def purge(app) -> int:
    with app.app_context():
        session = SESSIONMAKER.of(app)()
        try:
            return retention.purge(session, date.today(), 180)
        finally:
            session.close()


def statements(app) -> list[str]:
    seen: list[str] = []
    event.listen(
        ENGINE.of(app),
        "before_cursor_execute",
        lambda _c, _cur, statement, *_: seen.append(statement),
    )
    return seen


def test_the_purge_never_waits_for_a_save_in_progress(portal, postgres_url):
    engine = create_engine(postgres_url)
    saving = engine.connect()
    transaction = saving.begin()  # a save under way: it holds its row until it commits
    saving.execute(
        text("UPDATE workbooks SET last_used = last_used WHERE last_used = current_date")
    )
    done: list[int] = []
    purger = threading.Thread(target=lambda: done.append(purge(portal)))
    try:
        purger.start()
        purger.join(timeout=10)
        assert done == [1], "the purge waited on a save in progress (VACUUM FULL?)"
    finally:
        transaction.rollback()
        saving.close()
        engine.dispose()
        purger.join()


def test_one_instance_vacuums_at_a_time(portal, postgres_url):
    seen = statements(portal)
    engine = create_engine(postgres_url)
    other = engine.connect()
    other.execute(text("SELECT pg_advisory_lock(:key)"), {"key": retention.VACUUM_LOCK})
    try:
        assert purge(portal) == 1  # the expired workbook is deleted all the same
        assert not [s for s in seen if "VACUUM" in s.upper()]
    finally:
        other.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": retention.VACUUM_LOCK})
        other.close()
        engine.dispose()
    seen.clear()
    purge(portal)
    vacuums = [s for s in seen if "VACUUM" in s.upper()]
    assert vacuums == ["VACUUM workbooks"]
    assert any("lock_timeout" in s for s in seen)
