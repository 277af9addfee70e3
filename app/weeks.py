"""Weeks as the follow-up names them: ISO weeks such as "2026-W07", never a day or a time."""

from __future__ import annotations

from datetime import date, timedelta


def iso_week(day: date) -> str:
    """The ISO week of ``day``, such as "2026-W07"."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())
