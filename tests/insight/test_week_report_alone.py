"""The week report and the follow-up figures alone (no Flask): which week a report covers, which
rows it leaves out whole, and where each figure turns into "<min_cell", on every boundary."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

import app.insight.model  # noqa: F401  (the count tables, on Base.metadata)
from app.charts import bar_chart
from app.db import Base
from app.insight.follow_up import URGES, build_follow_up
from app.insight.model import DailyCount, WeeklyAnswer
from app.insight.report import Report, Row, build_report, last_finished_week

MIN_CELL = 3
WEEK = date(2026, 3, 2)  # a Monday (ISO week 2026-W10)
LATER = date(2026, 6, 1)  # long after WEEK: that week is finished


@pytest.fixture
def db():
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine)
    with Session(engine) as session:
        yield session
    engine.dispose()


def events(db, *rows):
    """(day, event, locale, module, step, count) rows of the daily counts."""
    db.add_all(DailyCount(day=d, event=e, locale=lo, module=m, step=s, count=n)
               for d, e, lo, m, s, n in rows)  # fmt: skip
    db.flush()


def answers(db, *rows):
    """(week, question, answer, count) rows of the weekly answers, in English."""
    db.add_all(WeeklyAnswer(week=w, locale="en", question=q, answer=a, count=n)
               for w, q, a, n in rows)  # fmt: skip
    db.flush()


@pytest.mark.parametrize(
    ("today", "finished"),
    [
        (date(2026, 3, 9), WEEK),  # Monday: the week before is the last whole one
        (date(2026, 3, 15), WEEK),  # Sunday: still the week before
        (date(2026, 3, 16), date(2026, 3, 9)),
    ],
)
def test_the_last_finished_week_is_the_whole_week_before_todays(today, finished):
    assert last_finished_week(today) == finished


def test_a_report_covers_monday_to_sunday_of_one_week_and_nothing_around_it(db):
    events(db,
        (WEEK - timedelta(days=1), "step_viewed", "en", "sample", "thinking", 100),
        (WEEK, "step_viewed", "en", "sample", "thinking", 2),
        (WEEK + timedelta(days=6), "step_viewed", "en", "sample", "thinking", 2),
        (WEEK + timedelta(days=3), "step_viewed", "es", "sample", "thinking", 5),
        (WEEK + timedelta(days=7), "step_viewed", "en", "sample", "thinking", 100),
    )  # fmt: skip
    report = build_report(db, WEEK + timedelta(days=4), MIN_CELL, LATER)
    assert (report.week, report.start, report.end) == (WEEK, WEEK, date(2026, 3, 8))
    assert report.name == "2026-W10"
    assert report.min_cell == MIN_CELL
    assert report.rows == (
        Row("events", ("step_viewed", "en", "sample", "thinking"), 4),
        Row("events", ("step_viewed", "es", "sample", "thinking"), 5),
    )
    assert report.section("events") == report.rows
    assert report.section("outcomes") == ()


def test_the_current_week_is_never_reported_the_last_finished_one_is(db):
    today = WEEK + timedelta(days=9)  # Wednesday of the week after WEEK
    events(db, (WEEK + timedelta(days=8), "step_viewed", "en", "", "", 50),
           (WEEK + timedelta(days=2), "home_viewed", "en", "", "", 7))  # fmt: skip
    report = build_report(db, today, MIN_CELL, today)
    assert report.week == WEEK
    assert report.rows == (Row("events", ("home_viewed", "en", "", ""), 7),)


@pytest.mark.parametrize(("total", "kept"), [(MIN_CELL - 1, False), (MIN_CELL, True)])
def test_a_week_with_fewer_events_than_min_cell_reports_none_of_them(db, total, kept):
    events(db, (WEEK, "home_viewed", "en", "", "", 1),
           (WEEK, "help_viewed", "en", "", "", total - 1))  # fmt: skip
    report = build_report(db, WEEK, MIN_CELL, LATER)
    assert bool(report.section("events")) is kept
    if kept:
        assert [row.count for row in report.rows] == [total - 1, 1]


@pytest.mark.parametrize(("total", "kept"), [(MIN_CELL - 1, False), (MIN_CELL, True)])
def test_a_question_with_fewer_answers_than_min_cell_is_left_out_whole(db, total, kept):
    answers(db, (WEEK, "q:ready", "yes", 1), (WEEK, "q:ready", "no", total - 1),
            (WEEK, "q:shown", "yes", 9))  # fmt: skip
    report = build_report(db, WEEK, MIN_CELL, LATER)
    ready = tuple(r for r in report.rows if r.labels[0] == "q:ready")
    assert ready == ((Row("outcomes", ("q:ready", "no"), total - 1),
                      Row("outcomes", ("q:ready", "yes"), 1)) if kept else ())  # fmt: skip
    assert Row("outcomes", ("q:shown", "yes"), 9) in report.rows  # after the one left out


def test_answers_are_sorted_into_sections_by_the_prefix_of_their_question(db):
    answers(db,
        (WEEK, "ruler:check-in/urges", "2", 4),
        (WEEK, "self-check:suicide", "never", 5),
        (WEEK, "guided:helped", "yes", 6),
        (WEEK, "outcome:safer", "yes", 7),
        (WEEK + timedelta(days=7), "outcome:safer", "yes", 50),  # the next week's
    )  # fmt: skip
    report = build_report(db, WEEK, MIN_CELL, LATER)
    assert report.section("rulers") == (Row("rulers", ("check-in/urges", "2"), 4),)
    assert report.section("self-check") == (Row("self-check", ("suicide", "never"), 5),)
    assert report.section("guided") == (Row("guided", ("helped", "yes"), 6),)
    assert report.section("outcomes") == (Row("outcomes", ("outcome:safer", "yes"), 7),)
    assert isinstance(report, Report)


def test_a_figure_under_min_cell_is_shown_only_as_below_it():
    assert Row("events", (), MIN_CELL - 1).shown(MIN_CELL) == "<3"
    assert Row("events", (), MIN_CELL).shown(MIN_CELL) == "3"
    assert Row("events", (), 0).shown(MIN_CELL) == "<3"


def test_check_ins_are_totalled_per_week_with_small_weeks_hidden(db):
    start, end = WEEK + timedelta(days=2), WEEK + timedelta(days=15)  # a Wednesday, a Tuesday
    events(db,
        (WEEK, "checked_in", "en", "", "", 40),  # before start: left out
        (start, "checked_in", "en", "", "", 1),
        (start, "checked_in", "es", "", "", 1),  # same day, another locale: summed
        (WEEK + timedelta(days=6), "checked_in", "en", "", "", 1),
        (WEEK + timedelta(days=7), "checked_in", "en", "", "", 2),  # 2026-W11: 2, hidden
        (WEEK + timedelta(days=7), "home_viewed", "en", "", "", 30),  # another event
        (end, "checked_in", "en", "", "", 5),  # 2026-W12
        (end + timedelta(days=1), "checked_in", "en", "", "", 40),  # after end: left out
    )  # fmt: skip
    follow = build_follow_up(db, start, end, MIN_CELL)
    expected = [("2026-W10", 3), ("2026-W11", None), ("2026-W12", 5)]
    assert follow.check_ins.title == ""
    assert follow.check_ins.rows == (("2026-W10", "3"), ("2026-W11", "<3"), ("2026-W12", "5"))
    assert follow.check_ins.chart == bar_chart(expected, "<3")


def test_a_week_without_any_check_in_is_shown_hidden_not_left_out(db):
    """Which weeks appear would otherwise tell when someone checked in."""
    follow = build_follow_up(db, WEEK, WEEK + timedelta(days=13), MIN_CELL)
    assert follow.check_ins.rows == (("2026-W10", "<3"), ("2026-W11", "<3"))


def test_urges_get_one_histogram_per_week_with_answers_from_0_to_10(db):
    start, end = WEEK + timedelta(days=3), WEEK + timedelta(days=20)
    answers(db,
        (WEEK + timedelta(days=7), URGES, "0", 3),
        (WEEK + timedelta(days=7), URGES, "10", 2),
        (WEEK, URGES, "4", 7),  # the week that holds start: included
        (WEEK, "ruler:other", "4", 9),  # another question
        (WEEK + timedelta(days=21), URGES, "4", 9),  # after end
        (WEEK - timedelta(days=7), URGES, "4", 9),  # before start's week
    )  # fmt: skip
    follow = build_follow_up(db, start, end, MIN_CELL)
    assert [bars.title for bars in follow.urges] == ["2026-W10", "2026-W11"]
    first, second = follow.urges
    assert [label for label, _ in first.rows] == [str(v) for v in range(11)]
    assert dict(first.rows)["4"] == "7"
    assert {shown for label, shown in first.rows if label != "4"} == {"<3"}
    assert dict(second.rows)["0"] == "3"
    assert dict(second.rows)["10"] == "<3"
    values = [3, None, None, None, None, None, None, None, None, None, None]
    assert second.chart == bar_chart([(str(v), n) for v, n in enumerate(values)], "<3")


def test_no_urge_answer_no_histogram(db):
    assert build_follow_up(db, WEEK, WEEK + timedelta(days=6), MIN_CELL).urges == ()


def test_rows_are_one_per_distinct_key_summed_over_the_week_and_sorted_by_their_labels(db):
    """Each column of the key keeps rows apart, and rows come sorted by their labels, whatever
    the order the counts were written in (the key's first column alone would not sort them)."""
    day, next_day = WEEK + timedelta(days=1), WEEK + timedelta(days=2)
    events(db,
        (day, "step_viewed", "en", "beta", "one", 2),
        (day, "step_viewed", "en", "alpha", "two", 2),
        (day, "step_viewed", "en", "alpha", "one", 2),
        (next_day, "step_viewed", "en", "alpha", "one", 3),
        (day, "home_viewed", "en", "", "", 2),
        (day, "help_viewed", "es", "alpha", "", 2),
        (day, "help_viewed", "en", "zeta", "", 2),
    )  # fmt: skip
    answers(db, (WEEK, "q:b", "a", 3), (WEEK, "q:a", "z", 3), (WEEK, "q:a", "b", 3),
            (WEEK, "q:c", "a", 1), (WEEK, "q:c", "b", 2))  # fmt: skip
    report = build_report(db, WEEK, MIN_CELL, LATER)
    assert [(row.labels, row.count) for row in report.rows] == [
        (("help_viewed", "en", "zeta", ""), 2),
        (("help_viewed", "es", "alpha", ""), 2),
        (("home_viewed", "en", "", ""), 2),
        (("step_viewed", "en", "alpha", "one"), 5),
        (("step_viewed", "en", "alpha", "two"), 2),
        (("step_viewed", "en", "beta", "one"), 2),
        (("q:a", "b"), 3),
        (("q:a", "z"), 3),
        (("q:b", "a"), 3),
        (("q:c", "a"), 1),
        (("q:c", "b"), 2),
    ]


def test_the_weeks_run_from_the_start_weeks_monday_through_the_end_day_inclusive(db):
    end = WEEK + timedelta(days=7)  # a Monday: its week is in, with that one day's check-ins
    events(db, (end, "checked_in", "en", "", "", 4))
    follow = build_follow_up(db, WEEK + timedelta(days=1), end, MIN_CELL)
    assert follow.check_ins.rows == (("2026-W10", "<3"), ("2026-W11", "4"))


def test_each_weeks_histogram_counts_only_that_weeks_answers(db):
    answers(db, (WEEK, URGES, "4", 7), (WEEK + timedelta(days=7), URGES, "4", 5))
    first, second = build_follow_up(db, WEEK, WEEK + timedelta(days=13), MIN_CELL).urges
    assert (dict(first.rows)["4"], dict(second.rows)["4"]) == ("7", "5")


def test_with_min_cell_1_an_urge_value_nobody_chose_is_shown_as_none(db):
    answers(db, (WEEK, URGES, "4", 1))
    (week,) = build_follow_up(db, WEEK, WEEK + timedelta(days=6), 1).urges
    assert dict(week.rows) == {str(v): "1" if v == 4 else "<1" for v in range(11)}
