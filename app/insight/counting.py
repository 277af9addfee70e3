"""What views call to count: one line per event, no identifier, nothing about the visitor."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from flask import Flask, Response
from sqlalchemy import TableClause

from ..context import SETTINGS, Slot
from ..db import engine
from ..i18n import current_locale
from ..weeks import monday
from .model import DailyCount, WeeklyAnswer
from .tally import Key, Tally, upsert

EVENTS = (
    "step_viewed", "exercise_answered", "module_completed", "workbook_kept",
    "workbook_resumed", "help_viewed", "outcomes_answered", "checked_in",
)  # fmt: skip
DAILY_TABLE: TableClause = DailyCount.__table__  # type: ignore[assignment]
WEEKLY_TABLE: TableClause = WeeklyAnswer.__table__  # type: ignore[assignment]
TALLY: Slot[Tally] = Slot("tally")  # per process; written out every few seconds
DAILY_KEY = ("day", "locale", "module", "step", "event")
WEEKLY_KEY = ("week", "locale", "question", "answer")


def today() -> date:
    return date.today()


def count(event: str, module: str = "", step: str = "") -> None:
    """One event, in its day; events about a module or step in their week (stored as its
    Monday), so that the cells of a quiet day never trace one visitor's way through a module."""
    assert event in EVENTS, event
    day = monday(today()) if module else today()
    _tally().add(("daily", day, current_locale(), module, step, event))


def count_answer(question: str, answer: str) -> None:
    """One answer to an outcome question or ruler, counted in its week, never linked to another."""
    _tally().add(("weekly", monday(today()), current_locale(), question, answer))


def _tally() -> Tally:
    return TALLY.get()


def _writer(app: Flask) -> Callable[[dict[Key, int]], None]:
    def write(increments: dict[Key, int]) -> None:
        with app.app_context():
            target = engine()
            daily = {key[1:]: n for key, n in increments.items() if key[0] == "daily"}
            weekly = {key[1:]: n for key, n in increments.items() if key[0] == "weekly"}
            if daily:
                upsert(target, DAILY_TABLE, DAILY_KEY, daily)
            if weekly:
                upsert(target, WEEKLY_TABLE, WEEKLY_KEY, weekly)

    return write


def _flush_after_response(response: Response) -> Response:
    tally = _tally()
    if tally.due():
        response.call_on_close(tally.flush)
    return response


def init_app(app: Flask) -> None:
    interval = SETTINGS.of(app).insight_flush_seconds
    TALLY.set(app, Tally(_writer(app), interval))
    app.after_request(_flush_after_response)
    # gunicorn's worker_exit hook (deploy/gunicorn.conf.py) writes what a stopping worker holds.
