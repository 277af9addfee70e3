"""A visitor WITH a workbook, while the database cannot be reached (issue 21, row 1).

"Right now" always answers with its urgent content; pages that read the workbook say it cannot
be opened just now instead of failing; every save answers 503 in the visitor's language with
every typed text kept; keep, delete and check-in delete answer 503 and the cookie stays, so
nothing is lost or claimed done when the database comes back.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.db import ENGINE
from tests.support.apps import built_app
from tests.support.postgres import PostgresServer
from tests.support.safety import IMMINENT
from tests.support.visitor import MARKER, answer, check_in, workbook_cookie


class SqliteDown:
    """The database file is gone (a broken mount, a full disk's lost file): nothing opens."""

    def __init__(self, tmp_path: Path) -> None:
        self.file = tmp_path / "down.db"
        self.url = f"sqlite:///{self.file}"

    def stop(self, app) -> None:
        ENGINE.of(app).dispose()
        self.file.rename(self.file.with_name("away.db"))
        self.file.mkdir()  # sqlite cannot open a folder: every connection fails

    def close(self) -> None:
        pass


class PostgresDown:
    """A real PostgreSQL server of the test's own, stopped while the app runs."""

    def __init__(self, _tmp_path: Path) -> None:
        self.server = PostgresServer()
        if not self.server.available:
            pytest.skip("PostgreSQL is not installed")
        self.url = self.server.start()

    def stop(self, _app) -> None:
        self.server.halt()

    def close(self) -> None:
        self.server.stop()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def down(request, tmp_path):
    """An app, a visitor with a workbook (an answer and a check-in) and a way to stop the
    database under them."""
    database = (SqliteDown if request.param == "sqlite" else PostgresDown)(tmp_path)
    with built_app(database.url, tmp_path) as app:
        visitor = app.test_client()
        assert answer(visitor).status_code == 303
        assert check_in(visitor, note="an earlier note").status_code == 303
        database.stop(app)
        yield app, visitor
    database.close()


def assert_cookie_kept(response) -> None:
    assert "Set-Cookie" not in response.headers  # the workbook is still there, for later


@pytest.mark.parametrize("lang", ["en", "es"])
def test_right_now_answers_with_its_urgent_content(down, lang):
    _, visitor = down
    page = visitor.get(f"/{lang}/now")
    assert page.status_code == 200
    assert IMMINENT[lang] in " ".join(page.text.lower().split())
    assert "crisis-lines" in page.text
    assert page.headers["Cache-Control"] == "no-store"
    assert_cookie_kept(page)


def test_pages_that_read_the_workbook_say_it_cannot_be_opened_just_now(down):
    _, visitor = down
    step = visitor.get("/en/modules/sample/thinking", follow_redirects=True)
    assert step.status_code == 200  # the step still reads, without the answers
    for address in ("/en/workbook", "/en/workbook/plan", "/en/check-in/saved"):
        page = visitor.get(address)
        assert page.status_code == 503, address
        assert "cannot be opened just now" in page.text, address
        assert_cookie_kept(page)
    assert visitor.get("/en/workbook/workbook.md").status_code == 503
    assert "no se puede abrir" in visitor.get("/es/workbook").text


@pytest.mark.parametrize("lang", ["en", "es"])
def test_saves_answer_503_in_the_visitors_language_with_every_text_kept(down, lang):
    _, visitor = down
    saved = answer(visitor, lang=lang, answer="Words typed while the database was down")
    assert saved.status_code == 503
    assert "Words typed while the database was down</textarea>" in saved.text
    assert ("try again" if lang == "en" else "inténtalo de nuevo") in saved.text
    assert_cookie_kept(saved)
    checked = check_in(visitor, lang=lang, note="A note typed while it was down")
    assert checked.status_code == 503
    assert "A note typed while it was down</textarea>" in checked.text
    assert_cookie_kept(checked)


def test_keep_and_the_deletes_answer_503_and_claim_nothing(down):
    _, visitor = down
    for address in ("/en/workbook/keep", "/en/workbook/delete"):
        response = visitor.post(address, data={"confirm": "yes"})
        assert response.status_code == 503, address
        assert "cannot be opened just now" in response.text
        assert_cookie_kept(response)
    deleted = visitor.post("/en/check-in/delete", data={"check_in": "abc", "confirm": "yes"})
    assert deleted.status_code == 503
    assert_cookie_kept(deleted)


def test_the_workbook_is_whole_when_the_database_comes_back(app_factory, tmp_path):
    database = SqliteDown(tmp_path)
    app = app_factory(database.url, tmp_path)
    visitor = app.test_client()
    answer(visitor)
    database.stop(app)
    assert visitor.post("/en/workbook/delete", data={"confirm": "yes"}).status_code == 503
    assert visitor.post("/en/workbook/keep").status_code == 503
    database.file.rmdir()
    shutil.move(database.file.with_name("away.db"), database.file)
    assert workbook_cookie(visitor) is not None
    assert MARKER in visitor.get("/en/workbook/1").text


@pytest.mark.slow
@pytest.mark.postgres
def test_under_gunicorn_a_stopped_postgresql_keeps_right_now_and_the_text(tmp_path):
    """The same, end to end: production gunicorn, the shipped content, PostgreSQL stopped."""
    from app.migrate import upgrade
    from tests.support.gunicorn import gunicorn
    from tests.support.http import HttpVisitor

    database = PostgresDown(tmp_path)
    try:
        upgrade(database.url)
        with gunicorn(tmp_path / "g", database.url, "k" * 64, workers=2) as server:
            visitor = HttpVisitor(server.base)
            step, form = "/en/modules/motivation/rulers", {"rulers-why.answer": "before"}
            assert visitor.request(step, form)[0] == 200  # saved, then the step again
            database.stop(None)
            for _ in range(4):  # every worker, whatever connections its pool held
                status, body = visitor.request("/en/now")
                assert status == 200
                assert IMMINENT["en"] in " ".join(body.lower().split())
                status, body = visitor.request(step, {"rulers-why.answer": "kept words"})
                assert status == 503
                assert "kept words</textarea>" in body
                assert visitor.request("/en/workbook")[0] == 503
                assert visitor.request("/en/workbook/delete", {"confirm": "yes"})[0] == 503
            assert "Traceback" not in server.log.read_text()
    finally:
        database.close()
