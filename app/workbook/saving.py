"""Saving answers and check-ins: create the workbook on the first, write it, report what was new.

The step page calls this with answers it has already read and checked; concurrent saves of
one workbook are serialised by the store (compare-and-swap), so none is lost.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy.exc import SQLAlchemyError

from .. import db
from . import retention, store
from .checkins import CheckIn, append, remove
from .current import NoWorkbook, server_keys, today
from .selfchecks import SelfCheckAnswers, append_self_check

Admission = Callable[[], bool]  # may a new workbook be made now? (it may wait its turn)
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
    admit: Admission | None = None,
    note: Callable[[Mapping[str, Any]], dict[str, Any]] | None = None,
) -> Saved:
    """Write ``answers`` (exercise id -> value) of ``module`` into the visitor's workbook.

    ``removals`` (exercise id -> fingerprint) are answers the visitor emptied on the page:
    each is removed only if it still is the answer the page showed, never a newer one.
    ``note`` makes the module's note (notes.py) from the answers it then holds, so pages can
    show the visitor's place and ratings without decrypting the module.
    """
    removals = removals or {}
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
        if note is not None:
            current.notes[module] = note(current.answers.get(module, {}))

    written, created = save_change(found, edit, admit)
    return Saved(written, created, frozenset(first))


def add_check_in(
    found: store.Workbook | NoWorkbook, check_in: CheckIn, admit: Admission | None
) -> Saved:
    """Append a check-in to the visitor's workbook (a new one on their first answer)."""
    written, created = save_change(
        found, lambda current: append(current.check_ins, check_in), admit
    )
    return Saved(written, created, frozenset())


def add_self_check(
    found: store.Workbook | NoWorkbook,
    answers: SelfCheckAnswers,
    admit: Admission | None,
) -> Saved:
    """Append one set of self-check answers (a new workbook on the visitor's first answer)."""
    written, created = save_change(
        found,
        lambda current: append_self_check(current.self_checks, answers, len(current.check_ins)),
        admit,
    )
    return Saved(written, created, frozenset())


def delete_check_in(found: store.Workbook | NoWorkbook, check_in_id: str) -> bool:
    """Remove one check-in; False when there is no workbook or no such check-in any more.
    Raises NotSaved("unavailable") when the database cannot be reached: nothing was removed."""
    if found is NoWorkbook.UNAVAILABLE:
        raise NotSaved("unavailable")
    if not isinstance(found, store.Workbook):
        return False
    removed: list[bool] = []

    def edit(current: store.Workbook) -> None:
        removed[:] = [remove(current.check_ins, check_in_id)]

    save_change(found, edit)
    return bool(removed and removed[0])


def save_change(
    found: store.Workbook | NoWorkbook,
    edit: Callable[[store.Workbook], None],
    admit: Admission | None = None,
) -> tuple[store.Workbook, bool]:
    """Apply ``edit`` to the visitor's workbook through the serialised save (store.change),
    creating the workbook when there is none; the written workbook and whether it is new.

    Every change of a workbook goes through here, so none is lost to another tab or instance:
    ``edit`` may run more than once, each time on the newest stored version."""
    if found is NoWorkbook.EXPIRED:
        raise NotSaved("expired")
    if found is NoWorkbook.UNREADABLE:
        raise NotSaved("unreadable")
    if found is NoWorkbook.UNAVAILABLE:
        raise NotSaved("unavailable")
    created = not isinstance(found, store.Workbook)
    if created and admit is not None and not _admitted(admit):
        raise NotSaved("too-many-new")
    workbook = found if isinstance(found, store.Workbook) else store.create(server_keys())
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
    return written, created


def _admitted(admit: Admission) -> bool:
    """``admit()``, which asks the database how much room is left: unreachable, it is 503."""
    try:
        return admit()
    except SQLAlchemyError:
        db.session().rollback()
        raise NotSaved("unavailable") from None


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
        retention.purge(db.session(), today(), retention_days, vacuum=False)
    except SQLAlchemyError:
        db.session().rollback()
