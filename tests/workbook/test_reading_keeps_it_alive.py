"""Reading a workbook is using it (issue 21, row 10): the workbook page, "Right now" and the
plan download mark it used today, so one that is only read is not deleted a day later."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select, update

from app.db import ENGINE, SESSIONMAKER
from app.workbook import retention
from app.workbook.model import WorkbookRow
from tests.support.visitor import MARKER, answer


def last_used(app) -> date:
    with ENGINE.of(app).connect() as connection:
        return connection.execute(select(WorkbookRow.last_used)).scalar_one()


def used_yesterday(app) -> None:
    with ENGINE.of(app).begin() as connection:
        connection.execute(update(WorkbookRow).values(last_used=date.today() - timedelta(days=1)))


@pytest.mark.parametrize("address", ["/en/workbook", "/en/now", "/en/workbook/plan.md"])
def test_reading_marks_the_workbook_used_today(any_db_app, address):
    visitor = any_db_app.test_client()
    answer(visitor)
    used_yesterday(any_db_app)
    assert visitor.get(address).status_code == 200
    assert last_used(any_db_app) == date.today()


def test_a_workbook_only_read_outlives_the_purge(app):
    visitor = app.test_client()
    answer(visitor)
    used_yesterday(app)
    visitor.get("/en/workbook")
    with app.app_context():  # the purge as it runs tomorrow
        tomorrow = date.today() + timedelta(days=1)
        retention.purge(SESSIONMAKER.of(app)(), tomorrow, 180)
    assert MARKER in visitor.get("/en/workbook/1").text
