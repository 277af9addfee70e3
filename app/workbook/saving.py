"""Saving answers: create the workbook on the first answer, write it, count what was new.

No Flask request handling here beyond the database session: the step page calls this with
answers it has already read and checked.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from .. import db
from . import store
from .current import NoWorkbook, server_keys, today


class NotSaved(Exception):
    """The answers could not be written; the visitor's text must be shown back to them."""

    def __init__(self, reason: NoWorkbook) -> None:
        super().__init__(reason.value)
        self.reason = reason


@dataclass(frozen=True)
class Saved:
    workbook: store.Workbook
    created: bool  # a new workbook: the response must carry its cookie
    first_answers: frozenset[str]  # exercise ids answered for the first time


def save_answers(
    found: store.Workbook | NoWorkbook, module: str, answers: Mapping[str, Any]
) -> Saved:
    """Write ``answers`` (exercise id -> value) of ``module`` into the visitor's workbook."""
    if isinstance(found, NoWorkbook) and found is not NoWorkbook.NONE:
        raise NotSaved(found)
    created = not isinstance(found, store.Workbook)
    workbook = found if isinstance(found, store.Workbook) else store.create(server_keys())
    before = workbook.answers.get(module, {})
    first = frozenset(exercise for exercise in answers if exercise not in before)
    try:
        for exercise, value in answers.items():
            workbook.set_answer(module, exercise, value)
        store.save(db.session(), workbook, today())
    except SQLAlchemyError:
        db.session().rollback()
        raise NotSaved(NoWorkbook.UNAVAILABLE) from None
    return Saved(workbook, created, first)


class PurgeClock:
    """When this process last purged expired workbooks (monotonic seconds)."""

    def __init__(self) -> None:
        self.last = -float("inf")


PURGE_EVERY_SECONDS = 3600


def purge_now_and_then(clock: PurgeClock, now: float, retention_days: int) -> None:
    """Delete expired workbooks at most once an hour per process, on the back of a new one."""
    if now - clock.last < PURGE_EVERY_SECONDS:
        return
    clock.last = now
    try:
        store.purge(db.session(), today(), retention_days)
    except SQLAlchemyError:
        db.session().rollback()
