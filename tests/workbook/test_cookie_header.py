"""Every Set-Cookie header the portal sends for the workbook, whether it sets the cookie or
clears it, carries the same attributes: HttpOnly, SameSite=Strict, Path=/, no Domain and no
expiry date; on an HTTPS host also Secure, under the ``__Host-`` name a browser only accepts
with those (a clearing header without them would be ignored, leaving the cookie in place).
The value is URL-safe base64 without padding, so it needs no quoting anywhere."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from flask import Response, request

from app.workbook import cookie
from app.workbook.current import KEYRING
from tests.support.visitor import MARKER, answer, workbook_cookie
from tests.workbook.test_cycle import cookie_written_on

FORGED = "bm90LWEtcmVhbC1jb29raWU"


def attributes(header: str) -> tuple[str, str, set[str]]:
    """The cookie's name, value and attributes (lower case, with their values)."""
    first, *rest = (part.strip() for part in header.split(";"))
    name, value = first.split("=", 1)
    return name, value, {part.lower() for part in rest}


def workbook_headers(response, name: str) -> list[str]:
    headers = response.headers.getlist("Set-Cookie")
    return [header for header in headers if header.startswith(name + "=")]


def three_headers(client, name: str) -> dict[str, str]:
    """The header that sets the cookie (an answer), the one that clears a forged cookie and
    the one that clears it when the visitor deletes the workbook."""
    (written,) = workbook_headers(answer(client), name)
    stranger = client.application.test_client()
    stranger.set_cookie(name, FORGED)
    (forged,) = workbook_headers(stranger.get("/en/workbook"), name)
    deleted = client.post("/en/workbook/delete", data={"confirm": "yes"})
    (cleared,) = workbook_headers(deleted, name)
    return {"written": written, "forged": forged, "cleared": cleared}


@pytest.mark.parametrize("https", [False, True], ids=["http", "https"])
def test_every_workbook_cookie_header_carries_the_same_attributes(app_factory, https):
    app = app_factory(https=https)
    name = "__Host-rumbo" if https else "rumbo"
    headers = three_headers(app.test_client(), name)
    for kind, header in headers.items():
        found, value, flags = attributes(header)
        assert found == name, kind
        assert {"httponly", "samesite=strict", "path=/"} <= flags, kind
        assert ("secure" in flags) is https, kind  # Secure on plain HTTP: never sent back
        assert not any(flag.startswith("domain") for flag in flags), kind
        if kind == "written":
            assert re.fullmatch(r"[A-Za-z0-9_-]{100,}", value)  # base64url, no "=" padding
            assert not any(flag.startswith(("expires", "max-age")) for flag in flags)
        else:
            assert value == "", kind
            assert "max-age=0" in flags, kind


def dated(app, client, name: str, https: bool, day: date) -> None:
    """Replace the client's cookie by one for the same workbook, as if written on ``day``."""
    with app.test_request_context(headers={"Cookie": f"{name}={client.get_cookie(name).value}"}):
        keys, _, server = cookie.read(request, KEYRING.of(app), https)
    response = Response()
    cookie.write(response, keys, server, https, day)
    client.set_cookie(name, attributes(response.headers["Set-Cookie"])[1])


@pytest.mark.parametrize("https", [False, True], ids=["http", "https"])
def test_keeping_a_workbook_opened_by_yesterdays_cookie_leaves_the_new_cookie(app_factory, https):
    """Keeping moves the workbook to new keys and sets their cookie; the old cookie, which
    would be dated again at the end of the request, is not written over it."""
    app = app_factory(https=https)
    name = "__Host-rumbo" if https else "rumbo"
    client = app.test_client()
    answer(client)
    dated(app, client, name, https, date.today() - timedelta(days=1))
    page = client.post("/en/workbook/keep", follow_redirects=False)
    assert len(workbook_headers(page, name)) == 1
    assert MARKER in client.get("/en/workbook/1").text


def test_a_cookie_opens_its_workbook_for_two_days_without_use(app):
    """The third day without use it stops (test_cycle); the second it still opens, and is
    dated again."""
    client = app.test_client()
    answer(client)
    assert cookie.IDLE_DAYS == 2
    cookie_written_on(app, client, date.today() - timedelta(days=2))
    before = workbook_cookie(client).value
    page = client.get("/en/workbook/1")
    assert MARKER in page.text
    assert workbook_cookie(client).value not in ("", before)
