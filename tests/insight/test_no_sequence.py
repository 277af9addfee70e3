"""Counts tell nothing about one visitor: reports cover whole weeks
that never overlap, events about steps are stored per week, and storage keeps no order."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import create_engine, insert, select, text

from app.db import ENGINE
from app.insight import counting
from app.insight.model import DailyCount
from app.insight.password import hash_password
from app.migrate import upgrade
from app.weeks import monday
from tests.support.apps import make_app

PASSWORD = "correct horse battery"
WEDNESDAY = date(2026, 11, 25)


@pytest.fixture
def reporting_app(app_factory, tmp_path, sqlite_url):
    insight = {"password_hash": hash_password(PASSWORD), "min_cell": 3, "flush_seconds": 0}
    return app_factory(sqlite_url, tmp_path, insight=insight)


def rows(app):
    with ENGINE.of(app).connect() as connection:
        return connection.execute(
            select(DailyCount.day, DailyCount.module, DailyCount.event, DailyCount.count)
        ).all()


def test_step_events_are_kept_per_week_and_other_events_per_day(app, monkeypatch):
    monkeypatch.setattr(counting, "today", lambda: WEDNESDAY)
    client = app.test_client()
    client.get("/en/m/1/1")
    client.get("/en/help")
    stored = {(event, day) for day, _, event, _ in rows(app)}
    assert ("step_viewed", monday(WEDNESDAY)) in stored
    assert ("help_viewed", WEDNESDAY) in stored
    assert ("step_viewed", WEDNESDAY) not in stored


def test_reports_cover_one_whole_week_at_a_time(reporting_app, monkeypatch):
    for day in (WEDNESDAY, WEDNESDAY + timedelta(days=1)):  # two days of one week
        monkeypatch.setattr(counting, "today", lambda day=day: day)
        reporting_app.test_client().get("/en/help")
    client = reporting_app.test_client()
    auth = ("admin", PASSWORD)
    for query in ("week=2026-W48", "week=2026-W48&from=2026-11-26&to=2026-11-26"):
        page = client.get(f"/admin/insight?{query}", auth=auth)
        assert page.status_code == 200
        assert "2026-11-23" in page.text
        assert "2026-11-29" in page.text
    cli = reporting_app.test_cli_runner().invoke(
        args=["insight", "report", "--week", "2026-W48", "--format", "json"]
    )
    assert '"from": "2026-11-23"' in cli.output
    assert '"to": "2026-11-29"' in cli.output


def test_the_count_tables_keep_no_insertion_order_on_sqlite(app):
    with ENGINE.of(app).connect() as connection:
        for table in ("daily_counts", "weekly_answers"):
            schema = connection.execute(
                text("SELECT sql FROM sqlite_master WHERE name = :t"), {"t": table}
            ).scalar_one()
            assert "WITHOUT ROWID" in schema, table


def test_the_migration_folds_existing_step_events_into_their_week(database_url):
    upgrade(database_url, "0002")
    engine = create_engine(database_url)
    try:
        with engine.begin() as connection:
            for day, n in ((WEDNESDAY, 2), (WEDNESDAY + timedelta(days=1), 3)):
                connection.execute(insert(DailyCount.__table__).values(
                    day=day, locale="en", module="sample", step="thinking",
                    event="step_viewed", count=n))  # fmt: skip
                connection.execute(insert(DailyCount.__table__).values(
                    day=day, locale="en", module="", step="", event="help_viewed", count=n))  # fmt: skip
        upgrade(database_url)
        with engine.connect() as connection:
            found = connection.execute(
                select(DailyCount.day, DailyCount.event, DailyCount.count).order_by(
                    DailyCount.event, DailyCount.day
                )
            ).all()
    finally:
        engine.dispose()
    assert [tuple(r) for r in found] == [
        (WEDNESDAY, "help_viewed", 2),
        (WEDNESDAY + timedelta(days=1), "help_viewed", 3),
        (monday(WEDNESDAY), "step_viewed", 5),
    ]


@pytest.mark.postgres
def test_the_purge_rewrites_postgresql_count_tables_in_key_order(postgres_url, tmp_path):
    from tests.conftest import _reset_postgres

    _reset_postgres(postgres_url)
    app = make_app(postgres_url, tmp_path)
    engine = ENGINE.of(app)
    try:
        days = [WEDNESDAY + timedelta(days=n) for n in (3, 1, 2, 0)]  # cells appear out of order
        for day in days:
            with engine.begin() as connection:
                connection.execute(insert(DailyCount.__table__).values(
                    day=day, locale="en", module="", step="", event="help_viewed", count=1))  # fmt: skip

        def physical_order() -> list[date]:
            with engine.connect() as connection:
                return list(
                    connection.execute(text("SELECT day FROM daily_counts ORDER BY ctid")).scalars()
                )

        assert physical_order() == days  # as they first appeared
        assert app.test_cli_runner().invoke(args=["workbook", "purge"]).exit_code == 0
        assert physical_order() == sorted(days)  # key order: no trace of when
    finally:
        engine.dispose()
