"""The visitor's workbook for this request, read once from the cookie.

``current_workbook()`` returns the workbook, or why there is none; views decide what that
means for the visitor. A cookie that named a missing or unreadable workbook is dropped when the
response goes out.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import date
from typing import Any

from flask import Flask, Response, g, request
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.wrappers import Response as BaseResponse

from .. import db
from ..context import SETTINGS, Slot, settings
from ..privacy import work_gate
from ..privacy.headers import mark_personal
from . import cookie, store
from .crypto import Keyring, ServerKeys, Unreadable, WorkbookKeys, new_keys

KEYRING: Slot[Keyring] = Slot("workbook_keyring")


class NoWorkbook(enum.Enum):
    """Why a request has no workbook."""

    NONE = "none"  # no cookie: the visitor has not answered anything
    EXPIRED = "expired"  # the cookie names a workbook that was deleted or expired
    UNREADABLE = "unreadable"  # the cookie was altered or made with another key
    UNAVAILABLE = "unavailable"  # the database could not be reached

    @property
    def drops_cookie(self) -> bool:
        return self in (NoWorkbook.EXPIRED, NoWorkbook.UNREADABLE)


def server_keys() -> ServerKeys:
    """The current server key: everything new is sealed under it."""
    return KEYRING.get().current


def keyring() -> Keyring:
    return KEYRING.get()


def today() -> date:
    """Dates are all we keep: workbooks are stamped with the day, never the time."""
    return date.today()


def current_workbook() -> store.Workbook | NoWorkbook:
    """The workbook named by the cookie, or why there is none (read once per request)."""
    if "rumbo_workbook" not in g:
        g.rumbo_workbook = _open()
        if isinstance(g.rumbo_workbook, store.Workbook):
            mark_personal()
    found: store.Workbook | NoWorkbook = g.rumbo_workbook
    return found


def _open() -> store.Workbook | NoWorkbook:
    try:
        found = cookie.read(request, keyring(), settings().https)
        if found is None:
            return NoWorkbook.NONE
        keys, written, sealed_by = found
        if written is not None and cookie.is_idle(written, today()):
            return NoWorkbook.EXPIRED
        expiry = (today(), settings().workbook_retention_days)
        workbook = store.load(db.engine(), keys, expiry, follow=True)
        if workbook is None:
            return NoWorkbook.EXPIRED
        if written is None and cookie.is_idle(workbook.last_used or today(), today()):
            return NoWorkbook.EXPIRED  # a v1 cookie: as old as the workbook's last use
        if sealed_by is not server_keys():  # settle_cookie seals it again under the current key
            workbook = _off_retired_key(workbook)
        elif written is not None and workbook.keys == keys:
            g.rumbo_cookie_day = written  # else settle_cookie writes it again, for its keys
        _mark_used(workbook)
        return workbook
    except Unreadable:
        return NoWorkbook.UNREADABLE
    except SQLAlchemyError:
        db.session().rollback()
        return NoWorkbook.UNAVAILABLE


def _off_retired_key(workbook: store.Workbook) -> store.Workbook:
    """A workbook not yet kept moves to fresh keys under the current server key. A kept one
    keeps its keys (they come from the passphrase, which the server never holds) until the
    visitor next resumes with the passphrase."""
    if workbook.kept:
        return workbook
    try:
        moved = store.rekey(db.session(), workbook, new_keys(server_keys()), today(), kept=False)
    except store.Busy:
        return workbook  # moved on a later request
    return moved or workbook


def _mark_used(workbook: store.Workbook) -> None:
    """Reading a workbook is using it: the first request of a day moves ``last_used`` to
    today, so a workbook that is only read lives as long as one that is written (issue 21,
    row 10). At most one small write a day per workbook; the date only, never the time."""
    if workbook.last_used == today():
        return
    try:
        store.touch(db.session(), workbook.keys, today())
    except SQLAlchemyError:  # read-only for now: the next request tries again
        db.session().rollback()
        return
    workbook.last_used = today()


def open_workbook() -> store.Workbook | None:
    """The workbook, or None whatever the reason: for pages that only show answers."""
    found = current_workbook()
    return found if isinstance(found, store.Workbook) else None


def current_answers() -> Mapping[str, dict[str, Any]]:
    """The visitor's answers for templates; an empty mapping without a workbook."""
    if not request.cookies:
        return {}
    workbook = open_workbook()
    return workbook.answers if workbook else {}


def write_cookie(response: BaseResponse, keys: WorkbookKeys) -> None:
    """The one cookie, for ``keys``, sealed under the current server key and dated today."""
    cookie.write(response, keys, server_keys(), settings().https, today())


def settle_cookie(response: Response) -> Response:
    """Drop a cookie that named a missing or unreadable workbook; re-date one last written
    on an earlier day (the day is what limits a copied cookie, cookie.IDLE_DAYS)."""
    found, https = g.get("rumbo_workbook"), settings().https
    if found is None or cookie.is_set_by(response, https):
        return response
    if isinstance(found, NoWorkbook):
        if found.drops_cookie:
            cookie.clear(response, https)
    elif g.get("rumbo_cookie_day") != today():
        write_cookie(response, found.keys)
    return response


def init_app(app: Flask) -> None:
    config = SETTINGS.of(app)
    KEYRING.set(app, Keyring.from_secrets(config.secret_key, config.retired_secret_keys))
    work_gate.init_app(app)  # passphrase stretching: a few runs at a time
    app.after_request(settle_cookie)
