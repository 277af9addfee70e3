"""A flood of saves cannot fill the disk (issue 17, row 6): new workbooks per minute are bounded
per process, and a workbook cannot grow past its size limit. Both keep the visitor's text."""

from __future__ import annotations

import pytest

from app.workbook import store
from tests.support.visitor import answer

pytestmark = pytest.mark.audit


def test_new_workbooks_beyond_the_budget_wait_and_keep_the_text(app):
    app.extensions["rumbo.new_workbooks"].per_minute = 2
    app.extensions["rumbo.new_workbooks"]._tokens = 2
    for _ in range(2):
        assert answer(app.test_client()).status_code == 303
    flooded = answer(app.test_client(), lang="es", answer="mi texto de más")
    assert flooded.status_code == 503
    assert "mi texto de más</textarea>" in flooded.text
    assert "Set-Cookie" not in flooded.headers


def test_a_workbook_cannot_grow_past_its_limit_and_the_text_is_kept(app, monkeypatch):
    client = app.test_client()
    assert answer(client).status_code == 303
    monkeypatch.setattr(store, "MAX_WORKBOOK_BYTES", 300)
    too_much = answer(client, step="choosing", exercise="triggers", other="x" * 400, option=["0"])
    assert too_much.status_code == 413
    assert 'value="' + "x" * 400 + '"' in too_much.text
