"""Follow-up figures for the host: check-ins per week, and the urge ruler's weekly histogram.

Built from the same aggregate tables as every other figure (daily counts of ``checked_in``;
weekly counts of each urge value), with the same small-cell rule: a figure under ``min_cell``
is shown only as "<min_cell", in the chart as in its table. No Flask here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..charts import Chart, bar_chart
from ..weeks import iso_week, monday
from .model import DailyCount, WeeklyAnswer

URGES = "ruler:check-in/urges"
URGE_VALUES = range(0, 11)


@dataclass(frozen=True)
class Bars:
    """One chart and its table: (label, figure as shown) per bar."""

    title: str  # the ISO week, for a histogram; "" for the weekly totals
    chart: Chart
    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class FollowUp:
    check_ins: Bars  # check-ins per week
    urges: tuple[Bars, ...]  # one histogram per week that has any urge answer


def _bars(title: str, counts: list[tuple[str, int]], min_cell: int) -> Bars:
    hidden = f"<{min_cell}"
    shown = [(label, n if n >= min_cell else None) for label, n in counts]
    chart = bar_chart(shown, hidden)
    rows = tuple((label, hidden if n is None else str(n)) for label, n in shown)
    return Bars(title, chart, rows)


def _weeks(start: date, end: date) -> list[date]:
    weeks, week = [], monday(start)
    while week <= end:
        weeks.append(week)
        week += timedelta(days=7)
    return weeks


def build_follow_up(db: Session, start: date, end: date, min_cell: int) -> FollowUp:
    daily = db.execute(
        select(DailyCount.day, func.sum(DailyCount.count))
        .where(DailyCount.event == "checked_in", DailyCount.day.between(start, end))
        .group_by(DailyCount.day)
    ).all()
    per_week = dict.fromkeys(_weeks(start, end), 0)
    for day, n in daily:
        per_week[monday(day)] += int(n)
    check_ins = _bars("", [(iso_week(w), n) for w, n in per_week.items()], min_cell)
    answers = db.execute(
        select(WeeklyAnswer.week, WeeklyAnswer.answer, func.sum(WeeklyAnswer.count))
        .where(WeeklyAnswer.question == URGES, WeeklyAnswer.week.between(monday(start), end))
        .group_by(WeeklyAnswer.week, WeeklyAnswer.answer)
    ).all()
    by_week: dict[date, dict[str, int]] = {}
    for week, answer, n in answers:
        by_week.setdefault(week, {})[answer] = int(n)
    urges = tuple(
        _bars(iso_week(week), [(str(v), found.get(str(v), 0)) for v in URGE_VALUES], min_cell)
        for week, found in sorted(by_week.items())
    )
    return FollowUp(check_ins, urges)
