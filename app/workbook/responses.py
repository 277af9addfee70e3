"""What a page answers when it uses the visitor's workbook: the cookie of a new workbook, why
answers were not saved, and the page shown while the workbook cannot be opened.

Shared by every package of pages (portal, followup and the workbook's own pages): they call
this, and it never calls them. The per-process budget for new workbooks and the purge clock
are declared and filled here.
"""

from __future__ import annotations

import time

from flask import Flask, render_template
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from .. import db
from ..context import SETTINGS, Slot, settings
from ..privacy.headers import mark_personal
from . import current
from .current import NoWorkbook, current_workbook, write_cookie
from .limits import NewWorkbookBudget, StorageBudget
from .saving import PurgeClock, Reason, purge_now_and_then
from .store import Workbook

PURGE_CLOCK: Slot[PurgeClock] = Slot("purge_clock")
NEW_WORKBOOKS: Slot[NewWorkbookBudget] = Slot("new_workbooks")  # per process
STORAGE: Slot[StorageBudget] = Slot("storage_budget")  # the whole database
MEGABYTE = 1024 * 1024


def admit_new_workbook() -> bool:
    """Whether a first save may make a new workbook now: its turn in this process (it may
    wait briefly for it), and room left for never-kept workbooks in the whole database."""
    return NEW_WORKBOOKS.get().take() and STORAGE.get().room_for_new(db.engine())


def room_to_keep() -> bool:
    return STORAGE.get().room_to_keep(db.engine(), current.today())


def give_cookie(response: Response, workbook: Workbook) -> None:
    """The cookie of a workbook made by this request (and, now and then, a purge)."""
    write_cookie(response, workbook.keys)
    purge_now_and_then(PURGE_CLOCK.get(), time.monotonic(), settings().workbook_retention_days)


def not_saved_message(reason: Reason) -> tuple[str, int]:
    """What the visitor reads next to their kept text, and the status it comes with."""
    if reason == "expired":
        return _(
            "Your earlier workbook has expired and was deleted. Save again to start a new one: your text is still in the box."
        ), 400
    if reason == "full":
        return _(
            "Your workbook is full: this answer would make it larger than this portal keeps. Shorten it, or download your workbook and start a new one. Your text is still in the box."
        ), 413
    if reason == "unreadable":
        return _(
            "Your workbook could not be read. Save again to start a new one: your text is still in the box."
        ), 400
    return _(
        "Your answers could not be saved just now. Your text is still in the boxes: please try again in a moment."
    ), 503


def is_unavailable() -> bool:
    """The visitor has a workbook, but the database cannot be reached just now."""
    return current_workbook() is NoWorkbook.UNAVAILABLE


def unavailable_page(message: str = "") -> tuple[str, int]:
    """503 for a page that needs the workbook while the database is unreachable: nothing is
    lost and the cookie stays, so the workbook opens again once the database is back."""
    mark_personal()
    return render_template("workbook/unavailable.html", message=message, nav="workbook"), 503


def keep_full_page() -> tuple[str, int]:
    """503 for "keep" when the day's room for kept workbooks is used up (limits.py)."""
    return unavailable_page(
        _(
            "Workbooks cannot be kept just now: this site has no more room for them today. Please try again tomorrow. Your workbook stays open in this browser while you use it."
        )
    )


def init_app(app: Flask) -> None:
    PURGE_CLOCK.set(app, PurgeClock())
    config = SETTINGS.of(app)
    NEW_WORKBOOKS.set(app, NewWorkbookBudget(config.new_workbooks_per_minute))
    budget = StorageBudget(
        config.never_kept_megabytes * MEGABYTE, config.kept_megabytes_per_day * MEGABYTE
    )
    STORAGE.set(app, budget)
