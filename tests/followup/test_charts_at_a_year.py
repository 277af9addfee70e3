"""Charts that read well after a year of weekly check-ins (issue 28): the overview shows the
last 12 weeks, the history page the year; a few labelled dates people read, never 52 crowded
figures, and every figure still in the table beside the chart."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from tests.support.year import check_in_weekly, pages_of


@pytest.fixture
def a_year(app):
    client = app.test_client()
    check_in_weekly(pages_of(client), 52, lang="en")
    return client


def chart(page: str, ruler: str) -> str:
    return re.search(rf'<svg class="chart" id="chart-{ruler}".*?</svg>', page, re.S).group(0)


def points(svg: str) -> list[str]:
    return re.search(r'<polyline class="chart-path" points="([^"]+)"', svg).group(1).split()


def labels(svg: str) -> list[str]:
    return re.findall(r'<text class="chart-label"[^>]*>([^<]+)<', svg)


def test_the_overview_charts_the_last_12_weeks_with_dates(a_year):
    page = a_year.get("/en/workbook").text
    for ruler in ("importance", "confidence", "urges"):
        svg = chart(page, ruler)
        assert len(points(svg)) == 12
        shown = labels(svg)
        assert 2 <= len(shown) <= 5
        monday = date.today() - timedelta(days=date.today().weekday())
        assert shown[-1] == f"{monday:%b} {monday.day}"  # the newest week, by its Monday
        assert all("W" not in label for label in shown)  # no ISO week numbers
    assert 'href="/en/workbook/check-ins"' in page


def test_the_history_charts_a_year_without_crowding_and_tables_every_week(a_year):
    page = a_year.get("/en/workbook/check-ins").text
    svg = chart(page, "urges")
    assert len(points(svg)) == 52
    assert len(labels(svg)) <= 5
    assert svg.count("<circle") == 1  # one dot, drawn as a marker at every point
    assert len(re.findall(r'class="chart-value"', svg)) == 1  # the newest figure only
    table = re.search(r'aria-labelledby="year-title">(.*?)</table>', page, re.S).group(1)
    assert len(re.findall(r'<tr><th scope="row">', table)) == 52


def test_points_sit_at_their_weeks_so_a_missed_week_leaves_a_gap(app):
    client = app.test_client()
    pages = pages_of(client)
    for weeks_ago in (3, 2, 0):  # week 1 ago missed
        pages.weeks_ago(weeks_ago)
        assert client.post("/en/check-in", data={"importance.answer": "6",
                           "confidence.answer": "5", "urges.answer": "3"}).status_code == 303  # fmt: skip
    pages.weeks_ago(0)
    xs = [float(p.split(",")[0]) for p in points(chart(client.get("/en/workbook").text, "urges"))]
    assert xs[1] - xs[0] == pytest.approx((xs[2] - xs[1]) / 2)
