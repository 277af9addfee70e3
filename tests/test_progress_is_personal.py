"""A visitor's progress is personal: the pages that show it are no-store when asked with the
cookie and never enter the shared page cache, so another reader never gets them (issue 23)."""

from __future__ import annotations

import pytest

from app.page_cache import PAGE_CACHE
from tests.support.visitor import answer

PAGES = ("/en/", "/en/modules/", "/en/m/1/", "/es/", "/es/modules/", "/es/m/1/")
PERSONAL = ("Continue where you left off", "Continuar donde lo dejaste", "status-in-progress",
            ">Continue</a>", ">Continuar</a>")  # fmt: skip


@pytest.mark.parametrize("path", PAGES)
def test_a_visitors_progress_never_reaches_another_reader(app, path):
    visitor = app.test_client()
    answer(visitor, lang=path[1:3])
    mine = visitor.get(path)
    assert mine.headers["Cache-Control"] == "no-store"
    assert any(word in mine.text for word in PERSONAL), path
    reader = app.test_client()  # asks after the visitor, and is served from the cache
    for _ in range(2):
        theirs = reader.get(path)
        assert "no-store" not in theirs.headers.get("Cache-Control", "")
        assert not any(word in theirs.text for word in PERSONAL), path
    kept = PAGE_CACHE.of(app).get(path)
    assert kept is not None
    assert not any(word.encode() in kept for word in PERSONAL)


def test_a_cached_page_does_not_hide_the_visitors_progress(app):
    reader = app.test_client()
    reader.get("/en/modules/")  # fills the cache first
    visitor = app.test_client()
    answer(visitor)
    assert "status-in-progress" in visitor.get("/en/modules/").text
