"""Weeks as the follow-up names them: ISO weeks such as "2026-W07", never a day or a time."""

from __future__ import annotations

from datetime import date, timedelta


def iso_week(day: date) -> str:
    """The ISO week of ``day``, such as "2026-W07"."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def sunday(day: date) -> date:
    return monday(day) + timedelta(days=6)


FIRST_YEAR, LAST_YEAR = 1000, 9998  # room for the weeks around one (reports look a year back)


def parse_iso_week(text: str) -> date:
    """The Monday of an ISO week written as "2026-W07"; ValueError if it is not one, or if it
    lies so near the calendar's ends that the weeks around it cannot be written."""
    year, _, week = text.partition("-W")
    if not (year.isdigit() and week.isdigit() and len(year) == 4 and len(week) == 2):
        raise ValueError(f"not an ISO week such as 2026-W07: {text!r}")
    if not FIRST_YEAR <= int(year) <= LAST_YEAR:
        raise ValueError(f"a week between {FIRST_YEAR} and {LAST_YEAR}, please: {text!r}")
    return date.fromisocalendar(int(year), int(week), 1)
