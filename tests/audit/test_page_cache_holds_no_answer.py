"""The page cache keeps public pages only: whoever reads a page first, what it keeps for that
address is the same bytes a stranger's first reading would have kept, on every cached page.

The order that matters is a visitor with answers first: that visitor's request renders the page
that every later reader is served (page_cache.py, portal/step.py)."""

from __future__ import annotations

import pytest

from app.page_cache import PAGE_CACHE
from tests.support.pages import every_page
from tests.support.visitor import MARKER, check_in

pytestmark = pytest.mark.audit

OTHER = "Quokka-other 5531 ticked by one visitor only"
ITEM = "Narwhal-item 2207 listed by one visitor only"
BALANCE = "Ibex-balance 9913 weighed by one visitor only"


def answer_everything(client, lang: str) -> None:
    """Answer every exercise type of the fixture module, and a check-in, with markers."""
    steps = {
        "thinking": {"thoughts.answer": MARKER, "ready.answer": "7"},
        "choosing": {"triggers.option": "1", "triggers.other": OTHER, "lapse.answer": "1"},
        "judging": {"looking.answer": "myth", "balance.change-pros": BALANCE,
                    "reasons.item": [ITEM]},
    }  # fmt: skip
    for step, data in steps.items():
        response = client.post(f"/{lang}/modules/sample/{step}", data=data)
        assert response.status_code == 303, (step, response.text[:300])
    assert check_in(client, lang).status_code in (200, 303)


def cached_pages(app) -> dict[str, bytes]:
    cache = PAGE_CACHE.of(app)
    return {path: page for path in every_page(app) if (page := cache.get(path)) is not None}


def read_every_page(client, app) -> None:
    for path in every_page(app):
        client.get(path)


def test_a_visitor_with_answers_first_leaves_only_public_pages_in_the_cache(app_factory):
    with_answers_first, stranger_first = app_factory(), app_factory()

    visitor = with_answers_first.test_client()
    for lang in ("en", "es"):
        answer_everything(visitor, lang)
    read_every_page(visitor, with_answers_first)  # the visitor with answers reads first
    read_every_page(with_answers_first.test_client(), with_answers_first)  # then a stranger
    read_every_page(stranger_first.test_client(), stranger_first)

    kept, public = cached_pages(with_answers_first), cached_pages(stranger_first)
    assert public, "no page was kept: the page cache is not in use"
    step_pages = [path for path in public if "/m/1/" in path]  # the sample module
    assert step_pages, "no step page was kept"
    assert set(kept) == set(public)
    for path, page in kept.items():
        for marker in (MARKER, OTHER, ITEM, BALANCE):
            assert marker.encode() not in page, path
        assert page == public[path], f"{path}: the kept page depends on who read it first"


def test_a_stranger_after_a_visitor_with_answers_sees_none_of_them(app):
    visitor = app.test_client()
    answer_everything(visitor, "en")
    visitor.get("/en/m/1/1")
    assert MARKER in visitor.get("/en/m/1/1").text  # the visitor's own page
    stranger = app.test_client().get("/en/m/1/1").text
    assert MARKER not in stranger
    assert 'value="7" checked' not in stranger
    assert "checked" not in stranger.split("<!--exercise:ready-->")[1].split("<!--/exercise")[0]
