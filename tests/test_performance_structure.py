"""What keeps a step page cheap (docs/performance.md), checked on every `make test`.

A request only looks things up and renders templates: no Markdown is parsed and the database
is not asked anything, except for the one workbook a cookie names and the counts written after
the response. Public pages are reused between readers; personal ones never are.
"""

from __future__ import annotations

import markdown
import pytest
from sqlalchemy import event

from app.curriculum import CATALOG
from app.curriculum.render import Renderer
from app.db import ENGINE
from app.insight.counting import TALLY
from app.page_cache import PAGE_CACHE

TRANSACTION_CONTROL = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE", "PRAGMA")
STEP = "/es/m/1/2"
ANSWER = {"rulers-why.answer": "Quartz-marker 5521 only this visitor wrote"}


def every_step(app) -> list[str]:
    catalog = CATALOG.of(app)
    return [
        f"/{lang}/m/{module.order}/{step.number}"
        for lang in catalog.locales
        for module in catalog.modules(lang)
        for step in module.steps
    ]


def test_no_markdown_is_rendered_inside_a_request(shipped_app, monkeypatch):
    def refuse(*_args, **_kwargs):
        raise AssertionError("Markdown rendered inside a request")

    monkeypatch.setattr(markdown.Markdown, "convert", refuse)
    monkeypatch.setattr(Renderer, "render", refuse)
    client = shipped_app.test_client()
    paths = every_step(shipped_app)
    assert len(paths) > 50
    for path in paths:
        assert client.get(path).status_code == 200, path


class Statements:
    """Every SQL statement SQLite runs for the app, split into the counts flush and the rest.

    Recorded by the driver itself (SQLite's trace callback), so statements sent straight to
    the driver (the workbook read, app/workbook/store.py) count like any other."""

    def __init__(self, app, monkeypatch) -> None:
        self.request: list[str] = []
        self.flush: list[str] = []
        self._flushing = False
        tally = TALLY.of(app)
        original = tally.flush

        def flush() -> None:
            self._flushing = True
            try:
                original()
            finally:
                self._flushing = False

        monkeypatch.setattr(tally, "flush", flush)
        engine = ENGINE.of(app)
        engine.dispose()  # every connection from now on is a new one, traced from the start
        event.listen(engine, "connect", self._trace)
        self._remove = lambda: event.remove(engine, "connect", self._trace)

    def _trace(self, dbapi_connection, _record) -> None:
        dbapi_connection.set_trace_callback(self._record)

    def _record(self, statement: str) -> None:
        if statement.lstrip().upper().startswith(TRANSACTION_CONTROL):
            return
        (self.flush if self._flushing else self.request).append(statement)

    def reset(self) -> None:
        self.request.clear()
        self.flush.clear()


@pytest.fixture
def statements(shipped_app, monkeypatch):
    recorder = Statements(shipped_app, monkeypatch)
    yield recorder
    recorder._remove()


def test_a_step_view_without_a_cookie_asks_the_database_nothing(shipped_app, statements):
    client = shipped_app.test_client()
    for attempt in ("first (rendered)", "second (reused)"):
        statements.reset()
        assert client.get(STEP).status_code == 200
        assert statements.request == [], attempt
        # The test config writes counts after every request (flush_seconds = 0).
        assert 1 <= len(statements.flush) <= 2, statements.flush


def test_a_step_view_with_a_workbook_reads_only_that_workbook(shipped_app, statements):
    client = shipped_app.test_client()
    assert client.post(STEP, data=ANSWER).status_code == 303
    statements.reset()
    page = client.get(STEP)
    assert page.status_code == 200
    assert ANSWER["rulers-why.answer"] in page.text
    assert len(statements.request) == 1, statements.request
    assert statements.request[0].lstrip().upper().startswith("SELECT")
    assert "workbooks" in statements.request[0]
    assert 1 <= len(statements.flush) <= 2, statements.flush


def test_personal_pages_are_never_reused_nor_kept(shipped_app):
    reader = shipped_app.test_client()
    assert (
        ANSWER["rulers-why.answer"] not in reader.get(STEP).text
    )  # rendered once for readers, kept
    visitor = shipped_app.test_client()
    assert visitor.post(STEP, data=ANSWER).status_code == 303
    personal = visitor.get(STEP)
    assert ANSWER["rulers-why.answer"] in personal.text  # not the page kept for readers
    assert personal.headers["Cache-Control"] == "no-store"
    again = shipped_app.test_client().get(STEP)
    assert ANSWER["rulers-why.answer"] not in again.text
    assert "Cache-Control" not in again.headers
    kept = PAGE_CACHE.of(shipped_app)._pages.values()
    assert kept
    assert not any(ANSWER["rulers-why.answer"].encode() in page for page in kept)


def test_a_query_string_is_rendered_not_reused(shipped_app):
    client = shipped_app.test_client()
    everything = client.get("/en/help").text
    spain = client.get("/en/help?country=ES").text
    assert '<option value="ES" selected>' in spain
    assert '<option value="ES" selected>' not in everything
    assert client.get("/en/help").text == everything


def test_a_personal_step_page_is_exactly_the_page_rendered_for_the_visitor(shipped_app):
    """Personal step pages are spliced from the readers' page (portal/step.py): the result
    must be byte for byte the page a full rendering with the visitor's answers gives."""
    from flask import request

    from app.portal.step import render_step

    visitor = shipped_app.test_client()
    answers = {
        "/en/m/1/2": {
            "importance.answer": "7",
            "rulers-why.answer": 'Because <I> & "we" matter',
        },
        "/en/m/0/4": {"passphrase.answer": "1"},
        "/en/m/1/3": {"decisional-balance.stay-cons": "Fear"},
    }
    for url, form in answers.items():
        assert visitor.post(url, data=form).status_code == 303, url
    cookie = visitor.get_cookie("rumbo").value
    for url in [*answers, "/en/m/1/4"]:
        spliced = visitor.get(url).get_data(as_text=True)
        with shipped_app.test_request_context(url, headers={"Cookie": f"rumbo={cookie}"}):
            shipped_app.preprocess_request()  # the address's numbers become slug and step id
            full = render_step(request.view_args["slug"], request.view_args["step_id"])
        assert spliced == full, url
