"""The page cache is never filled from what one request sent (issue 21, row 7): a shared page
is rendered as a reader without cookie or query would get it, whoever asked for it first."""

from __future__ import annotations

import pytest

from app.page_cache import PAGE_CACHE
from tests.support.visitor import answer

pytestmark = pytest.mark.audit

TRACKER = "ZZ-tracking-victim-42"
STEP = "/es/m/1/1"  # the sample module's first step


def test_a_query_string_never_reaches_later_readers(app):
    for _ in range(15):
        tracked = app.test_client().get(f"{STEP}?country={TRACKER}")
        assert tracked.status_code == 200
    for _ in range(15):
        clean = app.test_client().get(STEP)
        assert clean.status_code == 200
        assert TRACKER not in clean.text


def test_a_visitor_with_a_workbook_never_fills_the_cache_with_their_request(app):
    visitor = app.test_client()
    assert answer(visitor, lang="es").status_code == 303
    PAGE_CACHE.of(app)._pages.clear()
    own = visitor.get(f"{STEP}?country={TRACKER}")
    assert own.status_code == 200
    reader = app.test_client().get(STEP)
    assert TRACKER not in reader.text
    assert "Zebra-marker" not in reader.text
    assert reader.data == PAGE_CACHE.of(app).get(STEP)
