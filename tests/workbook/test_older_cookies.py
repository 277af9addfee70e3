"""Cookies written by earlier versions (v2: no key id; v1: no day either) still open their
workbook, and are written again as today's cookie; anything else is refused."""

from __future__ import annotations

import base64
from datetime import date, timedelta

import pytest

from app.context import SETTINGS
from app.workbook import cookie
from app.workbook.crypto import ServerKeys, seal, unseal
from tests.support.visitor import MARKER, answer, workbook_cookie


def server(app) -> ServerKeys:
    return ServerKeys.from_secret(SETTINGS.of(app).secret_key)


def encoded(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def todays_plaintext(app, value: str) -> bytes:
    """The keys and day inside a current cookie."""
    keys = server(app)
    raw = base64.urlsafe_b64decode(value + "==")
    assert raw[: len(keys.key_id)] == keys.key_id
    return unseal(keys.cookie_key, raw[len(keys.key_id) :], cookie.CONTEXT + keys.key_id)


@pytest.mark.parametrize("version", ["v2", "v1"])
def test_an_older_cookie_opens_its_workbook(app, version):
    """A v2 cookie written yesterday is written again today, as a current cookie; a v1 cookie
    has no day, so it counts as today's and is written again on the next day of use."""
    visitor = app.test_client()
    answer(visitor)
    plain = todays_plaintext(app, workbook_cookie(visitor).value)
    assert len(plain) == 68  # 64 bytes of keys, then the day
    keys, yesterday = plain[:64], (date.today() - timedelta(days=1)).toordinal().to_bytes(4, "big")
    key = server(app).cookie_key
    older = {
        "v2": seal(key, keys + yesterday, cookie.CONTEXT_V2),
        "v1": seal(key, keys, cookie.CONTEXT_V1),
    }[version]
    returning = app.test_client()
    returning.set_cookie("rumbo", encoded(older))
    page = returning.get("/en/workbook/1")
    assert MARKER in page.text
    # Both are rewritten in today's form at once (a v1 cookie is held to the idleness rule).
    assert todays_plaintext(app, workbook_cookie(returning).value)[:64] == keys


@pytest.mark.parametrize(
    "value",
    [
        "not base64 at all!",
        "é",
        encoded(b"short"),
        encoded(bytes(80)),
    ],
)
def test_a_cookie_that_opens_nothing_is_cleared_and_the_page_still_works(app, value):
    visitor = app.test_client()
    visitor.set_cookie("rumbo", value)
    page = visitor.get("/en/workbook")
    assert page.status_code == 200
    assert "rumbo=;" in page.headers.get("Set-Cookie", "")


def test_a_cookie_with_the_wrong_length_inside_is_refused(app):
    keys = server(app)
    for plain in (bytes(64), bytes(69)):
        sealed = keys.key_id + seal(keys.cookie_key, plain, cookie.CONTEXT + keys.key_id)
        visitor = app.test_client()
        visitor.set_cookie("rumbo", encoded(sealed))
        assert "rumbo=;" in visitor.get("/en/workbook").headers.get("Set-Cookie", "")
