"""The visitor's workbook for this request, read once from the cookie."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import current_app, g, request
from sqlalchemy.exc import SQLAlchemyError

from .. import db
from ..context import settings
from ..privacy.headers import mark_personal
from . import cookie, store
from .crypto import ServerKeys, Unreadable

_MISSING = object()


def server_keys() -> ServerKeys:
    return current_app.extensions["rumbo.workbook_keys"]


def today() -> date:
    """Dates are all we keep: workbooks are stamped with the day, never the time."""
    return date.today()


def current_workbook() -> store.Workbook | None:
    """The workbook named by the cookie; None without one. A bad cookie is dropped at response."""
    cached = g.get("workbook", _MISSING)
    if cached is not _MISSING:
        return cached
    workbook = None
    https = settings().https
    try:
        keys = cookie.read(request, server_keys(), https)
        if keys is not None:
            workbook = store.load(db.session(), keys)
            if workbook is None:
                g.drop_cookie = "expired"
    except Unreadable:
        g.drop_cookie = "tampered"
    except SQLAlchemyError:
        g.database_down = True
    if workbook is not None:
        mark_personal()
    g.workbook = workbook
    return workbook


def current_answers() -> dict[str, dict[str, Any]]:
    if not request.cookies:
        return {}
    workbook = current_workbook()
    return workbook.answers if workbook else {}
