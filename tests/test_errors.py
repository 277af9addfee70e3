"""Error pages speak the visitor's language and reveal nothing about the server."""

from __future__ import annotations

import logging

import pytest
from werkzeug.exceptions import Forbidden

from app.privacy.work_gate import WORK_GATE

SECRET = "what-a-visitor-typed-4471"


@pytest.mark.parametrize(
    ("method", "url", "kwargs", "code", "english", "spanish"),
    [
        ("get", "/{lang}/nothing-here", {}, 404, "Page not found", "Página no encontrada"),
        ("put", "/{lang}/modules/", {}, 405, "That cannot be done here", None),
        (
            "post",
            "/{lang}/m/1/1",
            {"data": {"thoughts.answer": "x" * 70_000}},
            413,
            "That was too long",
            None,
        ),
        (
            "post",
            "/{lang}/m/1/1",
            {"data": {"nope.answer": "x"}},
            400,
            "could not be understood",
            None,
        ),
        (
            "post",
            "/{lang}/workbook/delete",
            {"headers": {"Sec-Fetch-Site": "cross-site"}},
            403,
            "That was refused",
            None,
        ),
    ],
)
@pytest.mark.parametrize("lang", ["en", "es"])
def test_error_pages_are_localised_and_plain(
    client, method, url, kwargs, code, english, spanish, lang
):
    response = getattr(client, method)(url.format(lang=lang), **kwargs)
    assert response.status_code == code
    assert f'<html lang="{lang}"' in response.text
    if lang == "en":
        assert english in response.text
    elif spanish:
        assert spanish in response.text
    for leak in ("Traceback", "werkzeug", "Werkzeug", "/work/", "site-packages", "flask"):
        assert leak not in response.text
    if code == 405:
        assert "GET" in response.headers["Allow"]


def test_an_unexpected_error_is_a_plain_500_and_logs_no_request_data(app, caplog):
    def explode():
        raise ValueError(f"invalid literal: {SECRET}")

    app.add_url_rule("/en/explode", "explode", explode)
    app.logger.propagate = True
    with caplog.at_level(logging.ERROR):
        response = app.test_client().get("/en/explode", headers={"User-Agent": "Agent-Smith/1.0"})
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.text
    assert SECRET not in response.text
    assert "Traceback" not in response.text
    logged = "\n".join(record.getMessage() + (record.exc_text or "") for record in caplog.records)
    assert "ValueError" in logged
    assert SECRET not in logged
    assert "Agent-Smith" not in logged
    assert "127.0.0.1" not in logged


def test_a_flooded_resume_is_a_503_in_spanish_that_keeps_nobody_out_for_long(app):
    gate = WORK_GATE.of(app)
    gate.slots, gate.max_wait = 1, 0.05
    with gate.turn():  # every slot taken, as by a flood of guesses
        response = app.test_client().post("/es/resume", data={"passphrase": "a b c"})
    assert response.status_code == 503
    assert "no se pueden abrir" in response.text.lower()
    assert app.test_client().post("/es/resume", data={"passphrase": "a b c"}).status_code == 400


def test_forbidden_is_rendered_by_our_page(app):
    def refuse():
        raise Forbidden()

    app.add_url_rule("/en/refuse", "refuse", refuse)
    response = app.test_client().get("/en/refuse")
    assert response.status_code == 403
    assert "That was refused" in response.text
