"""Check-ins in the host's figures: per day, the urge ruler per week, small cells hidden,
drawn on /admin/insight as inline SVG with tables."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from app.db import ENGINE
from app.insight import counting
from app.insight.model import DailyCount, WeeklyAnswer
from app.insight.password import hash_password
from app.weeks import iso_week, monday
from tests.support.visitor import MARKER, check_in

LAST_WEEK_DAY = monday(date.today()) - timedelta(days=3)  # the current week is never reported
WEEK = iso_week(LAST_WEEK_DAY)
PASSWORD = "correct horse battery"


@pytest.fixture
def reporting(app_factory, sqlite_url, tmp_path):
    return app_factory(
        sqlite_url,
        tmp_path,
        insight={"flush_seconds": 0, "min_cell": 3, "password_hash": hash_password(PASSWORD)},
    )


def test_check_ins_are_counted_per_day_and_urges_per_week(reporting):
    for urges in ("2", "2", "2", "7"):
        check_in(reporting.test_client(), urges__answer=urges)
    with ENGINE.of(reporting).connect() as connection:
        daily = connection.execute(
            select(DailyCount.day, DailyCount.count).where(DailyCount.event == "checked_in")
        ).all()
        weekly = connection.execute(
            select(WeeklyAnswer.answer, WeeklyAnswer.count).where(
                WeeklyAnswer.question == "ruler:check-in/urges"
            )
        ).all()
    assert daily == [(date.today(), 4)]
    assert sorted(weekly) == [("2", 3), ("7", 1)]


def test_the_admin_page_draws_the_follow_up_with_small_cells_hidden(reporting, monkeypatch):
    monkeypatch.setattr(counting, "today", lambda: LAST_WEEK_DAY)
    for urges in ("2", "2", "2", "7"):
        check_in(reporting.test_client(), urges__answer=urges)
    page = reporting.test_client().get("/admin/insight", auth=("admin", PASSWORD)).text
    assert '<svg class="chart" id="chart-check-ins"' in page
    assert f'<svg class="chart" id="chart-urges-{WEEK}"' in page
    urges = page.split(f'id="chart-urges-{WEEK}"')[1].split("</table>")[0]
    rows = dict(re.findall(r'<tr><th scope="row">(\d+)</th><td>([^<]+)</td></tr>', urges))
    assert rows["2"] == "3"
    assert rows["7"] == "&lt;3"  # one person's answer is never shown
    assert urges.count('<rect class="chart-bar"') == 1  # only the cell that may be shown
    assert MARKER not in page
