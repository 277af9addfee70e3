"""The whole life of a workbook: answer, keep, close, resume elsewhere, change, delete.

Runs once on SQLite and once on PostgreSQL (the any_db_app fixture).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from app.context import SETTINGS
from app.db import ENGINE
from app.workbook.current import KEYRING
from tests.support.visitor import (
    MARKER,
    answer,
    check_in,
    dump_database,
    keep,
    workbook_cookie,
)


@pytest.fixture
def visitor(any_db_app):
    return any_db_app.test_client()


def test_reading_sets_no_cookie(visitor):
    for url in (
        "/en/",
        "/en/modules/",
        "/en/m/1/",
        "/en/m/1/1",
        "/en/help",
        "/en/privacy",
        "/en/workbook",
        "/en/workbook/plan",
        "/en/resume",
    ):
        response = visitor.get(url)
        assert response.status_code == 200, url
        assert "Set-Cookie" not in response.headers, url


@pytest.mark.parametrize("lang", ["en", "es"])
def test_answer_keep_close_resume_change_delete(any_db_app, lang):
    first_device = any_db_app.test_client()
    response = answer(first_device, lang)
    assert response.status_code == 303
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=Strict" in cookie
    assert "Expires" not in cookie
    assert "Max-Age" not in cookie
    assert MARKER in first_device.get(f"/{lang}/m/1/1").text

    passphrase = keep(first_device, lang)
    assert len(passphrase.split()) >= 6

    second_device = any_db_app.test_client()  # a closed browser: no cookie
    assert MARKER not in second_device.get(f"/{lang}/workbook/1").text
    resumed = second_device.post(f"/{lang}/resume", data={"passphrase": passphrase})
    assert resumed.status_code == 303
    assert resumed.headers["Location"] == f"/{lang}/workbook"
    overview = second_device.get(f"/{lang}/workbook/1")
    assert MARKER in overview.text
    assert overview.headers["Cache-Control"] == "no-store"

    changed = answer(second_device, lang, answer="A changed answer")
    assert changed.status_code == 303
    assert "A changed answer" in second_device.get(f"/{lang}/workbook/1").text
    assert MARKER not in second_device.get(f"/{lang}/workbook/1").text

    deleted = second_device.post(f"/{lang}/workbook/delete", data={"confirm": "yes"})
    assert deleted.status_code == 200
    assert (
        "Max-Age=0" in deleted.headers["Set-Cookie"]
        or "Expires=Thu, 01 Jan 1970" in deleted.headers["Set-Cookie"]
    )
    assert workbook_cookie(second_device) is None
    again = any_db_app.test_client().post(f"/{lang}/resume", data={"passphrase": passphrase})
    assert again.status_code == 400


def test_switching_language_keeps_answers(visitor):
    answer(visitor, "en")
    assert MARKER in visitor.get("/es/m/1/1").text
    assert MARKER in visitor.get("/es/workbook/1").text


def test_passphrase_is_forgiving_about_case_accents_and_spaces(visitor, any_db_app):
    answer(visitor)
    passphrase = keep(visitor)
    typed = "  " + "   ".join(word.upper() for word in passphrase.split()) + "\n"
    other = any_db_app.test_client()
    assert other.post("/en/resume", data={"passphrase": typed}).status_code == 303


def test_database_dump_holds_no_answer_passphrase_or_address(any_db_app):
    visitor = any_db_app.test_client()
    headers = {"User-Agent": "Rumbo-Test-Agent/9.9", "X-Forwarded-For": "203.0.113.77"}
    # What the database holds before any visitor: its schema's names ("alembic_version") can
    # share a word with a passphrase ("version"). A secret must add no occurrence to it.
    before = dump_database(SETTINGS.of(any_db_app).database_url)
    answer(visitor)
    visitor.post(
        "/en/m/1/3",
        data={"balance.change-pros": MARKER},
        headers=headers,
    )
    passphrase = keep(visitor)
    dump = dump_database(SETTINGS.of(any_db_app).database_url)
    assert dump  # the workbook row is there
    for secret in (
        MARKER,
        "Zebra-marker",
        passphrase,
        # Each long word alone too; a 3- or 4-letter word turns up by chance in random
        # ciphertext bytes now and then, which would make this test fail for no reason.
        *(word for word in passphrase.split() if len(word) >= 6),
        "127.0.0.1",
        "203.0.113.77",
        "Rumbo-Test-Agent",
    ):
        assert dump.count(secret.encode()) <= before.count(secret.encode()), secret


def test_every_exercise_type_can_be_answered(visitor):
    answers = [
        ("thinking", {"thoughts.answer": "My own words"}),
        ("thinking", {"ready.answer": "7"}),
        ("choosing", {"triggers.option": ["0", "1"], "triggers.other": "Boredom"}),
        ("choosing", {"lapse.answer": "1"}),
        ("judging", {"looking.answer": "fact"}),
        ("judging", {"balance.change-pros": "Peace", "balance.stay-cons": "Fear"}),
        ("judging", {"reasons.item": ["For my family", "", "For me"]}),
    ]
    for step, data in answers:
        assert visitor.post(f"/en/modules/sample/{step}", data=data).status_code == 303, data
    choosing = visitor.get("/en/m/1/2").text
    assert "Not quite: a lapse is a single slip." in choosing  # the chosen option's feedback
    judging = visitor.get("/en/m/1/3").text
    assert "This is a myth." in judging
    assert "Every image records the abuse of a real child." in judging
    workbook = visitor.get("/en/workbook/1").text + visitor.get("/en/workbook/2").text
    for text in (
        "My own words",
        "7 on a scale from 0 to 10",
        "Loneliness",
        "Stress",
        "Boredom",
        "Giving up",
        "Fact",
        "Good things about changing: Peace",
        "Less good things about staying as I am: Fear",
        "For my family",
        "For me",
    ):
        assert text in workbook, text
    plan = visitor.get("/en/workbook/plan").text
    assert plan.index("My reasons to change") < plan.index("My warning signs")
    assert "For my family" in plan
    assert "Boredom" in plan
    assert "My own words" in plan


def test_workbook_and_plan_download_as_markdown(visitor):
    answer(visitor)
    download = visitor.get("/en/workbook/workbook.md")
    assert download.status_code == 200
    assert download.headers["Content-Disposition"] == 'attachment; filename="workbook.md"'
    assert download.headers["Cache-Control"] == "no-store"
    assert MARKER in download.text
    assert download.text.startswith("# My workbook")
    plan = visitor.get("/es/workbook/plan.md")
    assert MARKER in plan.text
    assert plan.headers["Content-Type"].startswith("text/markdown")


def test_the_downloaded_check_ins_are_dated_as_people_read_dates(visitor):
    """Not "Week 2026-W49": the week's Monday, as on the check-in pages."""
    check_in(visitor)
    download = visitor.get("/en/workbook/workbook.md").text
    monday = date.today() - timedelta(days=date.today().weekday())
    assert f"Week of {monday:%b} {monday.day}, {monday.year}" in download
    assert not re.search(r"\d{4}-W\d\d", download)


def test_the_cookie_is_secure_on_https_hosts(app_factory, tmp_path, sqlite_url):

    app = app_factory(sqlite_url, tmp_path, https=True)
    response = answer(app.test_client())
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("__Host-rumbo=")
    assert "Secure" in cookie


def test_sending_keep_again_never_replaces_the_passphrase_silently(client):
    answer(client)
    phrase = keep(client)
    again = client.post("/en/workbook/keep")  # Back and reload, or a second press
    assert again.status_code == 200
    assert "Replace your passphrase?" in again.text
    assert 'class="passphrase"' not in again.text
    other = client.application.test_client()
    assert other.post("/en/resume", data={"passphrase": phrase}).status_code == 303
    replaced = keep(client, replace=True)
    assert replaced != phrase
    stranger = client.application.test_client()
    assert stranger.post("/en/resume", data={"passphrase": phrase}).status_code == 400
    assert stranger.post("/en/resume", data={"passphrase": replaced}).status_code == 303


def stored_ciphertext(app) -> bytes:
    with ENGINE.of(app).connect() as connection:
        return connection.exec_driver_sql("SELECT ciphertext FROM workbooks").scalar_one()


def database_files(url: str) -> bytes:
    base = Path(url.removeprefix("sqlite:///"))
    return b"".join(
        p.read_bytes() for p in (base, base.with_name(base.name + "-wal")) if p.exists()
    )


def pieces(ciphertext: bytes) -> list[bytes]:
    """Slices of a stored value: one longer than a page runs over SQLite's overflow pages, so
    it is looked for piece by piece."""
    return [ciphertext[at : at + 64] for at in range(0, len(ciphertext) - 64, 256)]


def test_a_deleted_workbook_leaves_no_trace_in_the_sqlite_files(app):
    client = app.test_client()
    answer(client)
    ciphertext = stored_ciphertext(app)
    url = SETTINGS.of(app).database_url
    assert all(piece in database_files(url) for piece in pieces(ciphertext)[:4])
    assert client.post("/en/workbook/delete", data={"confirm": "yes"}).status_code == 200
    files = database_files(url)  # not in the main file, not in the -wal file
    assert not any(piece in files for piece in pieces(ciphertext))


def test_a_kept_workbook_leaves_no_copy_under_its_old_keys(app):
    client = app.test_client()
    answer(client)
    before = stored_ciphertext(app)
    keep(client)
    files = database_files(SETTINGS.of(app).database_url)
    assert not any(piece in files for piece in pieces(before))


def cookie_written_on(app, client, day: date) -> None:
    """Replace the client's cookie by one for the same workbook, as if written on ``day``."""
    from flask import Response

    from app.workbook import cookie

    with app.test_request_context(headers={"Cookie": f"rumbo={workbook_cookie(client).value}"}):
        from flask import request

        keyring = KEYRING.of(app)
        keys, _, _ = cookie.read(request, keyring, False)
    response = Response()
    cookie.write(response, keys, keyring.current, False, day)
    value = response.headers["Set-Cookie"].split(";")[0].split("=", 1)[1]
    client.set_cookie("rumbo", value)


def test_a_copied_cookie_stops_opening_the_workbook_after_days_without_use(app):
    client = app.test_client()
    answer(client)
    keep(client)
    cookie_written_on(app, client, date.today() - timedelta(days=3))  # a restored old session
    page = client.get("/en/workbook/1")
    assert MARKER not in page.text
    assert "rumbo=;" in page.headers["Set-Cookie"]


def test_a_cookie_in_use_is_dated_again_each_day(app):
    client = app.test_client()
    answer(client)
    cookie_written_on(app, client, date.today() - timedelta(days=1))
    page = client.get("/en/workbook/1")
    assert MARKER in page.text
    assert page.headers["Set-Cookie"].startswith("rumbo=")  # rewritten with today's date
    assert "rumbo=;" not in page.headers["Set-Cookie"]
    assert "Set-Cookie" not in client.get("/en/workbook").headers  # once a day at most
