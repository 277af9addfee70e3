"""Bad input gets a 4xx in the visitor's language, and earlier answers stay as they were."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import update

from app.db import ENGINE, SESSIONMAKER
from app.workbook.model import WorkbookRow
from tests.support.apps import make_app
from tests.support.visitor import MARKER, answer


@pytest.fixture
def visitor(client):
    answer(client)  # an earlier answer that must survive every bad request below
    return client


def assert_untouched(visitor):
    assert MARKER in visitor.get("/en/workbook/1").text


@pytest.mark.parametrize(
    ("step", "data", "message"),
    [
        ("thinking", {"ready.answer": "11"}, "Choose a number on the scale."),
        ("thinking", {"ready.answer": "seven"}, "Choose a number on the scale."),
        ("choosing", {"lapse.answer": "5"}, "Choose one of the options."),
        ("choosing", {"triggers.option": ["9"]}, "Tick one or more options."),
        ("judging", {"looking.answer": "maybe"}, "Choose myth or fact."),
        (
            "judging",
            {"reasons.item": ["a", "b", "c", "d"]},
            "more items than this exercise has room for",
        ),
    ],
)
def test_invalid_answers_are_400_with_a_message(visitor, step, data, message):
    response = visitor.post(f"/en/modules/sample/{step}", data=data)
    assert response.status_code == 400
    assert message in response.text
    assert 'class="error-summary"' in response.text
    assert_untouched(visitor)


def test_an_answer_over_the_size_limit_is_refused_and_shown_again(visitor):
    long_text = "word " * 2100
    response = visitor.post("/en/m/1/1", data={"thoughts.answer": long_text + "END"})
    assert response.status_code == 400
    assert "at most 10000 characters" in response.text
    assert "END</textarea>" in response.text  # the text is not lost
    assert_untouched(visitor)


def test_messages_are_in_the_visitors_language(visitor):
    response = visitor.post("/es/m/1/1", data={"ready.answer": "99"})
    assert response.status_code == 400
    assert "Elige un número" in response.text


def test_a_form_for_an_exercise_that_does_not_exist_is_400(visitor):
    for data in (
        {"nope.answer": "x"},
        {"answer": "x"},
        {"reasons.answer": "x"},
    ):
        response = visitor.post("/en/m/1/1", data=data)
        assert response.status_code == 400
        assert "could not be understood" in response.text
    assert visitor.post("/en/modules/nope/thinking", data={"then": "stay"}).status_code == 404
    assert_untouched(visitor)


def test_a_huge_request_body_is_413(visitor):
    response = visitor.post("/en/m/1/1", data={"thoughts.answer": "x" * 200_000})
    assert response.status_code == 413
    assert "too long" in response.text
    assert_untouched(visitor)


def test_a_tampered_cookie_is_dropped_and_the_text_kept(client):
    client.set_cookie("rumbo", "bm90LWEtcmVhbC1jb29raWU")
    page = client.get("/en/m/1/1")
    assert page.status_code == 200
    assert "rumbo=;" in page.headers["Set-Cookie"]
    client.set_cookie("rumbo", "AAAA" * 30)
    response = client.post("/en/m/1/1", data={"thoughts.answer": "Kept text"})
    assert response.status_code == 400
    assert "could not be read" in response.text
    assert "Kept text</textarea>" in response.text
    assert answer(client).status_code == 303  # the next save starts a fresh workbook


def test_an_expired_workbook_is_explained_and_the_text_kept(app, visitor):
    with ENGINE.of(app).begin() as connection:
        connection.execute(update(WorkbookRow).values(last_used=date.today() - timedelta(days=5)))
    app.test_cli_runner().invoke(args=["workbook", "purge"])
    response = visitor.post("/en/m/1/1", data={"thoughts.answer": "New text"})
    assert response.status_code == 400
    assert "has expired" in response.text
    assert "New text</textarea>" in response.text


def test_a_database_that_is_down_keeps_pages_working_and_text_in_the_box(tmp_path):
    app = make_app(f"sqlite:///{tmp_path / 'ok.db'}", tmp_path)
    ENGINE.of(app).dispose()
    from sqlalchemy import create_engine
    from sqlalchemy.orm import sessionmaker

    down = create_engine(
        "postgresql+psycopg://nobody@127.0.0.1:9/none", connect_args={"connect_timeout": 1}
    )
    ENGINE.set(app, down)
    SESSIONMAKER.set(app, sessionmaker(down))
    client = app.test_client()
    assert client.get("/en/m/1/1").status_code == 200
    response = client.post("/en/m/1/1", data={"thoughts.answer": "Precious words"})
    assert response.status_code == 503
    assert "could not be saved just now" in response.text
    assert "Precious words</textarea>" in response.text
    assert "Set-Cookie" not in response.headers
    assert client.get("/healthz").status_code == 503


def test_a_wrong_passphrase_gets_a_plain_message(client):
    response = client.post(
        "/en/resume", data={"passphrase": "these words open nothing at all here"}
    )
    assert response.status_code == 400
    assert "No workbook opens with that passphrase" in response.text
    assert "Set-Cookie" not in response.headers
    assert client.post("/en/resume", data={"passphrase": ""}).status_code == 400
    assert client.post("/en/resume", data={"passphrase": "x" * 5000}).status_code == 400


def test_keep_without_a_workbook_is_400(client):
    assert client.post("/en/workbook/keep").status_code == 400


def test_a_database_that_fails_mid_read_is_never_a_500(app):
    visitor = app.test_client()
    visitor.post("/en/m/1/1", data={"thoughts.answer": "Kept safe"})
    with ENGINE.of(app).begin() as connection:
        connection.exec_driver_sql("ALTER TABLE workbooks RENAME TO workbooks_away")
    page = visitor.get("/en/m/1/1")
    assert page.status_code == 200  # the step still reads, without the answers
    saved = visitor.post("/en/m/1/1", data={"thoughts.answer": "New words"})
    assert saved.status_code == 503
    assert "New words</textarea>" in saved.text


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_answers_of_a_module_that_does_not_exist_are_404_in_the_visitors_language(
    visitor, lang
):
    missing = visitor.get(f"/{lang}/workbook/999")
    assert missing.status_code == 404
    assert f'lang="{lang}"' in missing.text
    assert_untouched(visitor)
