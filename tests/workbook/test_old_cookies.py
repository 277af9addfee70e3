"""A cookie from before the cookie carried its day (version 1) is held to the same idleness
rule as today's (issue 21, row 11): it opens only a workbook used within the last days, and is
written again at once in today's form."""

from __future__ import annotations

from datetime import date, timedelta

from flask import request
from sqlalchemy import update

from app.db import ENGINE
from app.workbook import cookie
from app.workbook.crypto import seal
from app.workbook.current import KEYRING
from app.workbook.model import WorkbookRow
from tests.support.visitor import MARKER, answer, keep, workbook_cookie


def as_version_1(app, client) -> None:
    """Replace the client's cookie by a version-1 cookie (keys only, no day) for the same
    workbook, sealed as the portal sealed them then."""
    import base64

    with app.test_request_context(headers={"Cookie": f"rumbo={workbook_cookie(client).value}"}):
        keyring = KEYRING.of(app)
        keys, _, server = cookie.read(request, keyring, False)
    sealed = seal(server.cookie_key, keys.to_bytes(), cookie.CONTEXT_V1)
    client.set_cookie("rumbo", base64.urlsafe_b64encode(sealed).rstrip(b"=").decode("ascii"))


def last_used_days_ago(app, days: int) -> None:
    with ENGINE.of(app).begin() as connection:
        day = date.today() - timedelta(days=days)
        connection.execute(update(WorkbookRow).values(last_used=day))


def test_a_version_1_cookie_of_a_workbook_in_use_opens_and_is_written_again(app):
    client = app.test_client()
    answer(client)
    as_version_1(app, client)
    old = workbook_cookie(client).value
    page = client.get("/en/workbook/1")
    assert MARKER in page.text
    assert page.headers["Set-Cookie"].startswith("rumbo=")
    assert workbook_cookie(client).value != old
    assert "Set-Cookie" not in client.get("/en/workbook").headers  # today's form now


def test_a_version_1_cookie_stops_opening_after_days_without_use(app):
    client = app.test_client()
    answer(client)
    keep(client)  # kept: the workbook itself lives on; only the old cookie stops opening it
    as_version_1(app, client)
    last_used_days_ago(app, cookie.IDLE_DAYS + 1)
    page = client.get("/en/workbook")
    assert MARKER not in page.text
    assert "rumbo=;" in page.headers["Set-Cookie"]
