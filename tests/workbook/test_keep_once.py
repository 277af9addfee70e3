"""Keeping a workbook is post/redirect/get, shows its passphrase on one no-store page, once, and
can be sent again without making another passphrase (issue 21, row 8)."""

from __future__ import annotations

import re

from sqlalchemy import select

from app.db import ENGINE
from app.insight.model import DailyCount
from tests.support.visitor import MARKER, answer, keep, workbook_cookie

PASSPHRASE = re.compile(r'class="passphrase"[^>]*><strong>([^<]+)</strong>')


def shown(page) -> str | None:
    found = PASSPHRASE.search(page.text)
    return found.group(1) if found else None


def test_keep_redirects_to_a_page_that_shows_the_passphrase_once(client):
    answer(client)
    sent = client.post("/en/workbook/keep")
    assert sent.status_code == 303
    assert sent.headers["Location"].endswith("/en/workbook/kept")
    assert shown(sent) is None
    page = client.get("/en/workbook/kept")
    assert page.status_code == 200
    assert page.headers["Cache-Control"] == "no-store"
    phrase = shown(page)
    assert phrase
    again = client.get("/en/workbook/kept")  # reloaded, or opened from the history
    assert shown(again) is None
    assert 'name="replace" value="yes"' in again.text  # a new one, only if asked for


def test_sending_keep_again_before_the_page_was_seen_gives_the_same_passphrase(client):
    answer(client)
    client.post("/en/workbook/keep")  # the browser lost this response
    resent = client.post("/en/workbook/keep", data={"replace": "yes"})
    assert resent.status_code == 303
    phrase = shown(client.get("/en/workbook/kept"))
    assert phrase
    fresh = client.application.test_client()
    assert fresh.post("/en/resume", data={"passphrase": phrase}).status_code == 303
    assert MARKER in fresh.get("/en/workbook/1").text


def test_two_keeps_of_one_workbook_make_one_passphrase(app):
    first, second = app.test_client(), app.test_client()
    answer(first)
    second.set_cookie("rumbo", workbook_cookie(first).value)  # the same tab, pressed twice
    assert first.post("/en/workbook/keep").status_code == 303  # this answer was lost
    assert second.post("/en/workbook/keep").status_code == 303
    phrase = shown(second.get("/en/workbook/kept"))
    assert phrase
    assert MARKER in second.get("/en/workbook/1").text
    other = app.test_client()
    assert other.post("/en/resume", data={"passphrase": phrase}).status_code == 303
    assert MARKER in other.get("/en/workbook/1").text
    with ENGINE.of(app).connect() as connection:
        kept = select(DailyCount.count).where(DailyCount.event == "workbook_kept")
        assert connection.execute(kept).scalar_one() == 1  # one workbook kept, counted once


def test_the_old_passphrase_never_leads_to_a_new_one_not_yet_shown(client):
    """Replacing a passphrase that may have leaked: until the new one is shown, the old row is
    a forward for the visitor's own cookie only; the old passphrase opens nothing."""
    answer(client)
    old = keep(client)
    client.post("/en/workbook/keep", data={"replace": "yes"})  # the answer was lost
    stranger = client.application.test_client()
    refused = stranger.post("/en/resume", data={"passphrase": old})
    assert refused.status_code == 400
    assert "No workbook opens with that passphrase" in refused.text
