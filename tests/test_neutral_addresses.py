"""Addresses name no topic: /<lang>/m/<module number>/<step number> (issue 23, item 4). The
old descriptive addresses redirect, and answers saved before are where they were."""

from __future__ import annotations

import pytest

from app.page_cache import PAGE_CACHE
from tests.support.pages import every_page, read_as_a_public_page
from tests.support.visitor import MARKER


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/en/modules/sample/", "/en/m/1/"),
        ("/en/modules/sample/choosing", "/en/m/1/2"),
        ("/es/modules/second/print", "/es/m/2/print"),
        ("/es/modules/sample/done", "/es/m/1/done"),
    ],
)
def test_old_addresses_redirect_for_good(client, old, new):
    response = client.get(old)
    assert response.status_code == 301
    assert response.headers["Location"] == new
    assert client.get(new).status_code == 200


def test_no_page_links_to_a_descriptive_address(app):
    client = app.test_client()
    for path in every_page(app):
        assert "/modules/sample/" not in client.get(path).text, path
        assert "modules/second" not in client.get(path).text, path


def test_an_answer_saved_before_still_shows_and_a_form_from_before_still_saves(app):
    visitor = app.test_client()
    # A step page loaded before the upgrade sends its form to the old address.
    saved = visitor.post("/en/modules/sample/thinking", data={"thoughts.answer": MARKER})
    assert saved.status_code == 303
    assert saved.headers["Location"].startswith("/en/m/1/1")
    assert MARKER in visitor.get("/en/m/1/1").text
    assert MARKER in visitor.get("/en/workbook/1").text


def test_unknown_numbers_are_not_found(client):
    for path in ("/en/m/99/", "/en/m/1/0", "/en/m/1/4", "/en/m/1/x", "/en/m/99/done"):
        assert client.get(path).status_code == 404, path


def test_the_page_cache_keeps_the_neutral_address(app):
    read_as_a_public_page(app, "/en/m/1/2")
    assert PAGE_CACHE.of(app).get("/en/modules/sample/choosing") is None
