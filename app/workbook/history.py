"""What the workbook's reading pages show, each from the least of the workbook it needs
(reading.py): progress per module from the index alone, the last weeks of check-ins from their
newest chunks, the history a chunk at a time. Charts place each check-in at its week and name
weeks by their Monday ("9 Feb"), as people read dates.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from babel.dates import format_skeleton
from flask_babel import lazy_gettext as _l

from ..charts import line_chart
from ..curriculum import Module
from ..i18n import current_locale
from ..weeks import parse_iso_week
from .checkins import RULERS, CheckIn, history
from .document import Workbook
from .parts import CHECK_INS_PER_CHUNK
from .progress import RULER_TITLES, Progress, RulerHistory, start_values

RECENT_WEEKS = 12  # the overview's charts; the history page shows a year
YEAR_WEEKS = 52


@dataclass(frozen=True)
class ModuleProgress:
    module: Module
    answered: int
    exercises: int


def module_progress(modules: Sequence[Module], workbook: Workbook) -> list[ModuleProgress]:
    """How many of each module's exercises have an answer, read from the index: no answer is
    decrypted for it."""
    return [
        ModuleProgress(
            m,
            min(workbook.answers.count(m.slug), count := sum(len(s.exercises) for s in m.steps)),
            count,
        )
        for m in modules
    ]


def week_label(week: str, with_year: bool = False) -> str:
    """An ISO week as the date of its Monday, in the page's language ("9 Feb", "9 feb 2026")."""
    return _week_label(week, with_year, current_locale())


@lru_cache(maxsize=4096)
def _week_label(week: str, with_year: bool, locale: str) -> str:
    """Formatting a date is slow (a third of the overview's time): each week is named once
    per worker. Only weeks and a locale are kept, never whose they were."""
    try:
        monday = parse_iso_week(week)
    except ValueError:
        return week
    return format_skeleton("yMMMd" if with_year else "MMMd", monday, locale=locale)


def _weeks_between(first: str, later: str) -> int:
    try:
        return (parse_iso_week(later) - parse_iso_week(first)).days // 7
    except ValueError:
        return 0


def weekly_progress(
    modules: Sequence[Module], workbook: Workbook, check_ins: Sequence[CheckIn], weeks: int
) -> Progress:
    """Each ruler over the ``weeks`` up to the newest of ``check_ins``, one point per check-in
    at its week; the starting answer ("Start") comes first when the window holds every one."""
    shown = list(check_ins)
    if shown:
        newest = shown[-1].week
        shown = [c for c in shown if 0 <= _weeks_between(c.week, newest) < weeks]
    start = start_values(modules, workbook.answers)
    with_start = len(shown) == workbook.check_in_count
    rulers = []
    if shown:
        first = shown[0].week
        offset = 1 if with_start else 0
        for name in RULERS:
            points = [(week_label(c.week), c.ruler(name)) for c in shown]
            slots = [offset + _weeks_between(first, c.week) for c in shown]
            if with_start and (value := start[name]) is not None:
                points.insert(0, (str(_l("Start")), value))
                slots.insert(0, 0)
            chart = line_chart(points, slots=slots)
            rulers.append(RulerHistory(name, str(RULER_TITLES[name]), chart))
    return Progress(tuple(shown), start, tuple(rulers))


def recent_progress(modules: Sequence[Module], workbook: Workbook) -> Progress:
    """The overview's charts: the last ``RECENT_WEEKS`` weeks, from the newest chunks only."""
    recent = history(workbook.recent_check_ins(RECENT_WEEKS))
    return weekly_progress(modules, workbook, recent, RECENT_WEEKS)


def year_progress(modules: Sequence[Module], workbook: Workbook) -> Progress:
    recent = history(workbook.recent_check_ins(YEAR_WEEKS))
    return weekly_progress(modules, workbook, recent, YEAR_WEEKS)


@dataclass(frozen=True)
class CheckInPage:
    check_ins: tuple[CheckIn, ...]  # newest first
    number: int
    pages: int


def check_in_page(workbook: Workbook, number: int) -> CheckInPage | None:
    """Page ``number`` of the check-ins, newest first: one stored chunk, the only one read;
    None past the last page (page 1 always exists, empty or not)."""
    pages = max(1, math.ceil(workbook.check_in_count / CHECK_INS_PER_CHUNK))
    if number > pages:
        return None
    chunk = workbook.check_in_chunk(pages - number) if workbook.check_in_count else []
    return CheckInPage(tuple(reversed(history(chunk))), number, pages)
