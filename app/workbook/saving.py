"""Saving answers: create the workbook on the first answer, write it, report what was new.

The step page calls this with answers it has already read and checked; concurrent saves of
one workbook are serialised by the store (compare-and-swap), so none is lost.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy.exc import SQLAlchemyError

from .. import db
from . import store
from .current import NoWorkbook, server_keys, today
from .limits import NewWorkbookBudget

Reason = Literal["expired", "unreadable", "unavailable", "busy", "full", "too-many-new"]


class NotSaved(Exception):
    """The answers could not be written; the visitor's text must be shown back to them."""

    def __init__(self, reason: Reason) -> None:
        super().__init__(reason)
        self.reason: Reason = reason


@dataclass(frozen=True)
class Saved:
    workbook: store.Workbook
    created: bool  # a new workbook: the response must carry its cookie
    first_answers: frozenset[str]  # exercise ids answered for the first time


def save_answers(
    found: store.Workbook | NoWorkbook,
    module: str,
    answers: Mapping[str, Any],
    removals: Mapping[str, str] | None = None,
    budget: NewWorkbookBudget | None = None,
) -> Saved:
    """Write ``answers`` (exercise id -> value) of ``module`` into the visitor's workbook.

    ``removals`` (exercise id -> fingerprint) are answers the visitor emptied on the page:
    each is removed only if it still is the answer the page showed, never a newer one.
    """
    removals = removals or {}
    if found is NoWorkbook.EXPIRED:
        raise NotSaved("expired")
    if found is NoWorkbook.UNREADABLE:
        raise NotSaved("unreadable")
    if found is NoWorkbook.UNAVAILABLE:
        raise NotSaved("unavailable")
    created = not isinstance(found, store.Workbook)
    if created and budget is not None and not budget.take():
        raise NotSaved("too-many-new")
    workbook = found if isinstance(found, store.Workbook) else store.create(server_keys())
    first: set[str] = set()

    def edit(current: store.Workbook) -> None:
        before = current.answers.get(module, {})
        first.clear()
        first.update(exercise for exercise in answers if exercise not in before)
        for exercise, value in answers.items():
            current.set_answer(module, exercise, value)
        for exercise, shown in removals.items():
            if exercise in before and answer_digest(before[exercise]) == shown:
                del before[exercise]

    try:
        written = store.change(db.session(), workbook, edit, today(), new=created)
    except store.Busy:
        raise NotSaved("busy") from None
    except store.TooLarge:
        db.session().rollback()
        raise NotSaved("full") from None
    except SQLAlchemyError:
        db.session().rollback()
        raise NotSaved("unavailable") from None
    if written is None:
        raise NotSaved("expired")
    return Saved(written, created, frozenset(first))


def answer_digest(value: Any) -> str:
    """A short fingerprint of a stored answer, put in the page next to the answer it shows.

    When the step comes back, an exercise whose answer still has the fingerprint it was shown
    with was not changed on this page, and is not written: a second tab or an older page never
    overwrites what was saved elsewhere in the meantime.
    """
    if value is None:
        return ""
    text = json.dumps(value, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


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
