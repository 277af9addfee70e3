"""The figures a host can see: totals for one ISO week, with small cells hidden. No Flask here.

Reports cover whole ISO weeks only, one at a time: periods never overlap, so no report can be
subtracted from another to recover a cell that the small-cell rule hides (two reports over
days 0-13 and 0-12 would give day 13's exact figure).

Only finished weeks: the current week's figures move with each visit, so watching them would
give exact counts and their timing. And rows exist only where something was counted, so which
rows exist could show a lone respondent's answers even when every figure reads "<min_cell":
an outcome question or ruler with fewer answers than ``min_cell`` in the week is left out whole,
and so are the events of a week with fewer than ``min_cell`` in all.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..weeks import iso_week, monday, sunday
from .model import DailyCount, WeeklyAnswer

# Weekly answers by the prefix of their question: rulers, the self-check, else outcomes (the
# empty prefix, last, which every question has: outcomes keep their whole question).
SECTIONS = (("ruler:", "rulers"), ("self-check:", "self-check"), ("guided:", "guided"),
            ("", "outcomes"))  # fmt: skip


@dataclass(frozen=True)
class Row:
    section: str  # "events", "outcomes", "rulers", "self-check" or "guided"
    labels: tuple[str, ...]
    count: int

    def shown(self, min_cell: int) -> str:
        """The figure as it may be shown or exported: below the threshold, only "<threshold"."""
        return f"<{min_cell}" if self.count < min_cell else str(self.count)


@dataclass(frozen=True)
class Report:
    week: date  # its Monday
    min_cell: int
    rows: tuple[Row, ...]

    @property
    def start(self) -> date:
        return self.week

    @property
    def end(self) -> date:
        return sunday(self.week)

    @property
    def name(self) -> str:
        return iso_week(self.week)

    def section(self, name: str) -> tuple[Row, ...]:
        return tuple(r for r in self.rows if r.section == name)


def last_finished_week(today: date) -> date:
    """The Monday of the last whole ISO week before ``today``'s."""
    return monday(today) - timedelta(weeks=1)


def build_report(db: Session, day: date, min_cell: int, today: date) -> Report:
    """The report for the ISO week that holds ``day``, or for the last finished week if that
    one has not ended yet."""
    start = min(monday(day), last_finished_week(today))
    end = sunday(start)
    events = db.execute(
        select(
            DailyCount.event,
            DailyCount.locale,
            DailyCount.module,
            DailyCount.step,
            func.sum(DailyCount.count),
        )
        .where(DailyCount.day.between(start, end))
        .group_by(DailyCount.event, DailyCount.locale, DailyCount.module, DailyCount.step)
        .order_by(DailyCount.event, DailyCount.locale, DailyCount.module, DailyCount.step)
    ).all()
    answers = db.execute(
        select(WeeklyAnswer.question, WeeklyAnswer.answer, func.sum(WeeklyAnswer.count))
        .where(WeeklyAnswer.week.between(start, end))
        .group_by(WeeklyAnswer.question, WeeklyAnswer.answer)
        .order_by(WeeklyAnswer.question, WeeklyAnswer.answer)
    ).all()
    rows = [
        Row("events", (event, locale, module, step), int(n))
        for event, locale, module, step, n in events
    ]
    if sum(row.count for row in rows) < min_cell:
        rows = []
    by_question: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for question, answer, n in answers:
        by_question[question].append((answer, int(n)))
    for question, found in by_question.items():
        if sum(n for _, n in found) < min_cell:
            continue  # too few answers: which rows exist would show them
        prefix, section = next((p, s) for p, s in SECTIONS if question.startswith(p))
        rows.extend(Row(section, (question.removeprefix(prefix), a), n) for a, n in found)
    return Report(start, min_cell, tuple(rows))
