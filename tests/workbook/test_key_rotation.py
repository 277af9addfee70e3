"""A host can retire a secret key that may have leaked (issue 17, row 13): workbooks and cookies
made under it still open, and move to the new key as they are used."""

from __future__ import annotations

import base64

from app.workbook.crypto import ServerKeys
from app.workbook.current import KEYRING
from tests.support.apps import make_app
from tests.support.visitor import MARKER, answer, keep, workbook_cookie

OLD = "old-secret-key-that-may-have-leaked-0123456789"
NEW = "new-secret-key-chosen-after-the-leak-9876543210"


def portal(url, tmp_path, secret: str, retired: tuple[str, ...] = ()):
    return make_app(url, tmp_path, secret_key=secret, retired_secret_keys=list(retired))


def sealed_by(value: str) -> bytes:
    return base64.urlsafe_b64decode(value + "==")[:4]


def test_a_cookie_from_a_retired_key_opens_and_moves_to_the_new_key(sqlite_url, tmp_path):
    before = portal(sqlite_url, tmp_path, OLD)
    visitor = before.test_client()
    answer(visitor)
    old_cookie = workbook_cookie(visitor).value
    assert sealed_by(old_cookie) == ServerKeys.from_secret(OLD).key_id

    rotated = portal(sqlite_url, tmp_path, NEW, retired=(OLD,))
    returning = rotated.test_client()
    returning.set_cookie("rumbo", old_cookie)
    page = returning.get("/en/workbook/1")
    assert MARKER in page.text
    new_cookie = workbook_cookie(returning).value
    assert sealed_by(new_cookie) == ServerKeys.from_secret(NEW).key_id

    retired_for_good = portal(sqlite_url, tmp_path, NEW)  # the old key removed
    later = retired_for_good.test_client()
    later.set_cookie("rumbo", new_cookie)
    assert MARKER in later.get("/en/workbook/1").text
    stale = retired_for_good.test_client()
    stale.set_cookie("rumbo", old_cookie)
    assert MARKER not in stale.get("/en/workbook/1").text  # nothing opens under a removed key


def test_a_kept_workbook_moves_to_the_new_key_when_its_passphrase_is_typed(sqlite_url, tmp_path):
    before = portal(sqlite_url, tmp_path, OLD)
    visitor = before.test_client()
    answer(visitor)
    phrase = keep(visitor)

    without_old_key = portal(sqlite_url, tmp_path, NEW)
    assert (
        without_old_key.test_client().post("/en/resume", data={"passphrase": phrase}).status_code
        == 400
    )

    rotated = portal(sqlite_url, tmp_path, NEW, retired=(OLD,))
    resumed = rotated.test_client().post("/en/resume", data={"passphrase": phrase})
    assert resumed.status_code == 303

    new_only = portal(sqlite_url, tmp_path, NEW)  # moved: the old key is no longer needed
    client = new_only.test_client()
    assert client.post("/en/resume", data={"passphrase": phrase}).status_code == 303
    assert MARKER in client.get("/en/workbook/1").text


def test_cookies_name_the_key_that_sealed_them_and_nothing_else(app):
    visitor = app.test_client()
    answer(visitor)
    raw = base64.urlsafe_b64decode(workbook_cookie(visitor).value + "==")
    key_id = KEYRING.of(app).current.key_id
    assert raw[:4] == key_id
    other = app.test_client()
    answer(other)
    assert (
        base64.urlsafe_b64decode(workbook_cookie(other).value + "==")[:4] == key_id
    )  # same for all
