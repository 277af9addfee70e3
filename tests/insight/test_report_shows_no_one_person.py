"""The host's figures never show one person: only finished ISO weeks are reported (the current
week would move by one with each visit), and an outcome question or ruler with fewer answers in
the week than ``min_cell``, like the events of a week with fewer than ``min_cell`` in all, is
left out whole, so that a lone respondent's answers cannot be read off which rows exist."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from app.insight import counting
from app.insight.password import hash_password
from app.weeks import iso_week, monday

PASSWORD = "correct horse battery"
MIN_CELL = 3
THIS_WEEK = iso_week(date.today())
LAST_WEEK_DAY = monday(date.today()) - timedelta(days=5)  # a Wednesday of the finished week
LAST_WEEK = iso_week(LAST_WEEK_DAY)


@pytest.fixture
def reporting(app_factory, sqlite_url, tmp_path):
    insight = {"flush_seconds": 0, "min_cell": MIN_CELL, "password_hash": hash_password(PASSWORD)}
    return app_factory(sqlite_url, tmp_path, insight=insight)


def outcomes(app, n: int, **answers: str) -> None:
    for _ in range(n):
        assert app.test_client().post("/en/outcomes", data=answers).status_code == 200


def report(app, *args: str) -> dict:
    result = app.test_cli_runner().invoke(args=["insight", "report", "--format", "json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def admin(app, query: str = ""):
    return app.test_client().get(f"/admin/insight{query}", auth=("admin", PASSWORD))


def test_the_current_week_is_never_reported(reporting):
    for _ in range(MIN_CELL + 2):
        reporting.test_client().get("/en/help")  # this week's figures: live, never shown
    assert report(reporting)["week"] == LAST_WEEK  # the default: the last finished week
    assert report(reporting, "--week", THIS_WEEK)["week"] == LAST_WEEK
    assert report(reporting)["events"] == []
    for query in ("", f"?week={THIS_WEEK}", "?week=2999-W01"):
        page = admin(reporting, query)
        assert page.status_code == 200
        assert f'name="week" value="{LAST_WEEK}"' in page.text
        assert "help_viewed" not in page.text
        assert f"week={THIS_WEEK}" not in page.text  # no "next week" link to an open week


@pytest.mark.parametrize("answers", [MIN_CELL - 1, MIN_CELL])
def test_an_outcome_question_under_min_cell_answers_is_left_out_whole(
    reporting, monkeypatch, answers
):
    monkeypatch.setattr(counting, "today", lambda: LAST_WEEK_DAY)
    outcomes(reporting, answers - 1, helpful="very")
    outcomes(reporting, 1, helpful="not", behaviour="increased")  # the lone respondent
    shown = report(reporting)["outcomes"]
    page = admin(reporting).text
    if answers < MIN_CELL:
        assert shown == []
        assert "helpful" not in page
    else:
        assert {"question": "helpful", "answer": "not", "count": "<3"} in shown
        assert "helpful · not" in page
    # Answered once: never listed, whatever the other questions had.
    assert all(row["question"] != "behaviour" for row in shown)
    assert "behaviour" not in page


def test_a_week_with_fewer_events_than_min_cell_shows_none(reporting, monkeypatch):
    monkeypatch.setattr(counting, "today", lambda: LAST_WEEK_DAY)
    for _ in range(MIN_CELL - 1):
        reporting.test_client().get("/en/help")
    assert report(reporting)["events"] == []
    reporting.test_client().get("/en/help")
    assert report(reporting)["events"] == [
        {"event": "help_viewed", "locale": "en", "module": "", "step": "", "count": "3"}
    ]


@pytest.mark.parametrize(
    "week", ["0001-W01", "0001-W02", "9999-W52", "9999-W01", "2026-W53", "0000-W01"]
)
def test_edge_weeks_are_refused_or_clamped_never_a_server_error(reporting, week):
    assert admin(reporting, f"?week={week}").status_code in (200, 400)
    result = reporting.test_cli_runner().invoke(args=["insight", "report", "--week", week])
    assert result.exit_code in (0, 2), result.output
