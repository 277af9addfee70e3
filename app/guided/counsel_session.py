"""The counsellors' own cookie: staff, not visitors, so the one-cookie rule for visitors does
not apply to them (docs/privacy.md). Session-only, HttpOnly, SameSite=Strict, sent only to
``/counsel/``; it holds the session id and the team key sealed under the session row's key."""

from __future__ import annotations

import base64
import binascii

from flask import g, request
from werkzeug.wrappers import Response

from .. import db
from ..context import settings
from ..workbook.current import today
from .crypto import Unreadable
from .team import OpenSession, read_session

PATH = "/counsel/"


def cookie_name() -> str:
    return "__Secure-rumbo-counsel" if settings().https else "rumbo-counsel"


def _raw() -> bytes | None:
    value = request.cookies.get(cookie_name())
    if not value:
        return None
    try:
        return base64.urlsafe_b64decode(value.encode("ascii") + b"==")
    except (binascii.Error, UnicodeEncodeError, ValueError):
        return None


def current_session() -> OpenSession | None:
    """The signed-in counsellor and the team key, read once per request; None if signed out."""
    if "rumbo_counsel" not in g:
        raw, found = _raw(), None
        if raw is not None:
            try:
                found = read_session(db.session(), raw, today())
            except Unreadable:
                found = None
        g.rumbo_counsel = found
    session: OpenSession | None = g.rumbo_counsel
    return session


def raw_cookie() -> bytes | None:
    return _raw()


def write(response: Response, value: bytes) -> None:
    text = base64.urlsafe_b64encode(value).rstrip(b"=").decode("ascii")
    response.set_cookie(cookie_name(), text, path=PATH, secure=settings().https, httponly=True,
                        samesite="Strict")  # fmt: skip


def clear(response: Response) -> None:
    response.delete_cookie(cookie_name(), path=PATH, secure=settings().https, httponly=True,
                           samesite="Strict")  # fmt: skip
