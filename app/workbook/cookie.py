"""The one cookie: the workbook's keys, encrypted (not merely signed) under the server's key.

HttpOnly, SameSite=Strict, no Expires (gone when the browser closes), Secure and ``__Host-``
prefixed when the host serves HTTPS. It is set only when a visitor answers or resumes.
"""

from __future__ import annotations

import base64
import binascii

from flask import Request
from werkzeug.wrappers import Response

from .crypto import ServerKeys, Unreadable, WorkbookKeys, seal, unseal

CONTEXT = b"rumbo workbook cookie v1"


def cookie_name(https: bool) -> str:
    return "__Host-rumbo" if https else "rumbo"


def read(request: Request, server: ServerKeys, https: bool) -> WorkbookKeys | None:
    """The keys in the request's cookie; None if there is none. Raises Unreadable if tampered."""
    value = request.cookies.get(cookie_name(https))
    if value is None:
        return None
    try:
        sealed = base64.urlsafe_b64decode(value.encode("ascii") + b"==")
    except (binascii.Error, UnicodeEncodeError, ValueError):
        raise Unreadable("not base64") from None
    return WorkbookKeys.from_bytes(unseal(server.cookie_key, sealed, CONTEXT))


def write(response: Response, keys: WorkbookKeys, server: ServerKeys, https: bool) -> None:
    sealed = seal(server.cookie_key, keys.to_bytes(), CONTEXT)
    value = base64.urlsafe_b64encode(sealed).rstrip(b"=").decode("ascii")
    response.set_cookie(
        cookie_name(https), value, path="/", secure=https, httponly=True, samesite="Strict"
    )


def clear(response: Response, https: bool) -> None:
    response.delete_cookie(
        cookie_name(https), path="/", secure=https, httponly=True, samesite="Strict"
    )
