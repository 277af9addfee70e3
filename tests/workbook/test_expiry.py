"""Never-kept workbooks go after a day without use; kept ones after the retention period."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select, update

from app.db import ENGINE
from app.workbook.model import WorkbookRow
from tests.support.visitor import answer, keep


def ages(app, days_by_kept):
    with ENGINE.of(app).begin() as connection:
        for kept, days in days_by_kept.items():
            connection.execute(
                update(WorkbookRow)
                .where(WorkbookRow.kept.is_(kept))
                .values(last_used=date.today() - timedelta(days=days))
            )


def remaining(app):
    with ENGINE.of(app).connect() as connection:
        return connection.execute(select(WorkbookRow.kept)).scalars().all()


def test_purge_deletes_what_has_expired_and_nothing_else(any_db_app):
    fresh, old, kept = (any_db_app.test_client() for _ in range(3))
    answer(old)
    answer(kept)
    keep(kept)
    ages(any_db_app, {False: 2, True: 179})
    answer(fresh)  # today
    runner = any_db_app.test_cli_runner()
    result = runner.invoke(args=["workbook", "purge"])
    assert result.exit_code == 0
    assert "1 expired workbook(s) deleted" in result.output
    assert sorted(remaining(any_db_app)) == [False, True]
    ages(any_db_app, {True: 181})
    assert "1 expired" in runner.invoke(args=["workbook", "purge"]).output
    assert remaining(any_db_app) == [False]


def test_a_workbook_used_yesterday_is_kept(any_db_app):
    answer(any_db_app.test_client())
    ages(any_db_app, {False: 1})
    any_db_app.test_cli_runner().invoke(args=["workbook", "purge"])
    assert remaining(any_db_app) == [False]


def test_resuming_renews_the_last_used_day(any_db_app):
    visitor = any_db_app.test_client()
    answer(visitor)
    phrase = keep(visitor)
    ages(any_db_app, {True: 100})
    any_db_app.test_client().post("/en/resume", data={"passphrase": phrase})
    with ENGINE.of(any_db_app).connect() as connection:
        assert connection.execute(select(WorkbookRow.last_used)).scalar_one() == date.today()


def test_a_workbook_past_its_time_never_opens_even_before_the_purge(any_db_app):
    visitor = any_db_app.test_client()
    answer(visitor)
    phrase = keep(visitor)
    ages(any_db_app, {True: 181})  # past the retention period; no purge has run
    page = visitor.get("/en/workbook")
    assert "rumbo=;" in page.headers.get("Set-Cookie", "")  # the cookie is dropped
    again = any_db_app.test_client().post("/en/resume", data={"passphrase": phrase})
    assert again.status_code == 400
    assert remaining(any_db_app) == [True]  # still stored: only purge deletes it


def test_the_purge_timer_deletes_without_cron_or_traffic(any_db_app):
    import time

    from app.workbook.cli import start_purge_timer

    answer(any_db_app.test_client())
    ages(any_db_app, {False: 2})
    timer = start_purge_timer(any_db_app, every=0.05)
    try:
        deadline = time.monotonic() + 5
        while remaining(any_db_app) and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        timer.stop()
    assert remaining(any_db_app) == []
