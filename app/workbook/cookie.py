"""The one cookie: the workbook's keys, encrypted (not merely signed) under the server's key.

HttpOnly, SameSite=Strict, no Expires (gone when the browser closes), Secure and ``__Host-``
prefixed when the host serves HTTPS; Path=/ (Werkzeug's default), as ``__Host-`` requires. It
is set only when a visitor answers or resumes (tests/workbook/test_cookie_header.py).
"""

from __future__ import annotations

import base64
from datetime import date

from flask import Request
from werkzeug.wrappers import Response

from .crypto import KEY_ID_BYTES, Keyring, ServerKeys, Unreadable, WorkbookKeys, seal, unseal

# v3: the id of the server key that sealed it, then the workbook's keys and the day the cookie
# was last written, encrypted (only the server reads the day): a copied cookie (a restored
# browser session) stops opening the workbook after IDLE_DAYS without use, and a cookie sealed
# under a retired key is known at once. v2 (no key id) and v1 (no day) cookies still open
# under any key of the keyring, and are rewritten as v3; a v1 cookie has no day, so its day is
# taken to be the day its workbook was last used (workbook/current.py).
CONTEXT = b"rumbo workbook cookie v3"
CONTEXT_V2 = b"rumbo workbook cookie v2"
CONTEXT_V1 = b"rumbo workbook cookie v1"
IDLE_DAYS = 2


def cookie_name(https: bool) -> str:
    return "__Host-rumbo" if https else "rumbo"


def read(
    request: Request, keyring: Keyring, https: bool
) -> tuple[WorkbookKeys, date | None, ServerKeys] | None:
    """The keys in the request's cookie, the day it was written (None: a v1 cookie, which does
    not say) and the server key that sealed it; None if there is none. Raises Unreadable if
    tampered with or sealed under no known key."""
    value = request.cookies.get(cookie_name(https))
    if value is None:
        return None
    try:
        sealed = base64.urlsafe_b64decode(value + "==")
    except ValueError:  # not base64, or not even ASCII (both errors are ValueErrors)
        raise Unreadable from None
    server = keyring.by_id(sealed[:KEY_ID_BYTES])
    if server is not None:
        plain = unseal(server.cookie_key, sealed[KEY_ID_BYTES:], CONTEXT + server.key_id)
        return (*_keys_and_day(plain), server)
    for server in keyring.all():  # an older cookie, without a key id
        try:
            return (*_keys_and_day(unseal(server.cookie_key, sealed, CONTEXT_V2)), server)
        except Unreadable:
            pass
        try:
            plain = unseal(server.cookie_key, sealed, CONTEXT_V1)
            return WorkbookKeys.from_bytes(plain), None, server
        except Unreadable:
            pass
    raise Unreadable  # sealed under no key of the keyring


def _keys_and_day(plain: bytes) -> tuple[WorkbookKeys, date]:
    if len(plain) != 68:
        raise Unreadable  # 64 bytes of keys, then the day
    return WorkbookKeys.from_bytes(plain[:64]), date.fromordinal(int.from_bytes(plain[64:], "big"))


def is_idle(written: date, today: date) -> bool:
    return (today - written).days > IDLE_DAYS


def write(
    response: Response, keys: WorkbookKeys, server: ServerKeys, https: bool, today: date
) -> None:
    plain = keys.to_bytes() + today.toordinal().to_bytes(4, "big")
    sealed = server.key_id + seal(server.cookie_key, plain, CONTEXT + server.key_id)
    value = base64.urlsafe_b64encode(sealed).rstrip(b"=").decode("ascii")
    response.set_cookie(cookie_name(https), value, secure=https, httponly=True, samesite="Strict")


def is_set_by(response: Response, https: bool) -> bool:
    """Whether ``response`` already sets (or clears) the workbook cookie."""
    name = cookie_name(https) + "="
    return any(header.startswith(name) for header in response.headers.getlist("Set-Cookie"))


def clear(response: Response, https: bool) -> None:
    response.delete_cookie(cookie_name(https), secure=https, httponly=True, samesite="Strict")
