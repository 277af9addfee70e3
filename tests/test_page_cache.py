"""The page cache: which requests it serves and stores, and how it stays small."""

from __future__ import annotations

import re

import pytest

from app.page_cache import PAGE_CACHE, PageCache, splice


def kept(app, path):
    return PAGE_CACHE.of(app).get(path)


def test_only_plain_gets_and_heads_without_cookie_or_query_fill_the_cache(app):
    client = app.test_client()
    client.get("/en/help?country=ES")
    with_cookie = app.test_client()
    with_cookie.set_cookie("anything", "1")
    with_cookie.get("/en/privacy")
    client.post("/en/modules/sample/thinking", data={})
    for path in ("/en/help", "/en/privacy", "/en/modules/sample/thinking"):
        assert kept(app, path) is None, path
    assert client.head("/en/safety").status_code == 200
    assert kept(app, "/en/safety") is not None
    page = client.get("/en/privacy")
    assert kept(app, "/en/privacy") == page.data


def test_a_page_with_a_query_is_rendered_for_it_not_taken_from_the_cache(app):
    client = app.test_client()
    plain = client.get("/en/help").data
    assert kept(app, "/en/help") == plain
    filtered = client.get("/en/help?country=ES").data
    assert filtered != plain
    assert kept(app, "/en/help") == plain


def test_the_least_recently_used_page_leaves_first():
    cache = PageCache(size=2)
    cache.put("/a", b"A")
    cache.put("/b", b"B")
    assert cache.get("/a") == b"A"  # /a is now the most recently used
    cache.put("/c", b"C")
    assert cache.get("/b") is None
    assert (cache.get("/a"), cache.get("/c")) == (b"A", b"C")
    cache.put("/a", b"A2")  # replacing keeps one copy
    cache.put("/d", b"D")
    assert cache.get("/c") is None
    assert (cache.get("/a"), cache.get("/d")) == (b"A2", b"D")
    assert PageCache().size == 512


def test_a_public_page_is_rendered_once_per_address(app):
    from app.page_cache import public_page

    renders = []

    def render():
        renders.append(1)
        return "<p>the page → for everyone</p>"

    for _ in range(3):
        with app.test_request_context("/en/some-page"):
            assert public_page(render) == "<p>the page → for everyone</p>".encode()
    assert len(renders) == 1
    with app.test_request_context("/en/other-page"):
        public_page(render)
    assert len(renders) == 2
    with app.test_request_context("/en/some-page?x=1"):
        assert public_page(render) == "<p>the page → for everyone</p>"  # rendered, not kept
    assert len(renders) == 3


@pytest.mark.parametrize("lang", ["es", "en"])
def test_a_page_first_read_by_a_visitor_with_a_cookie_keeps_its_mount_point_and_language(app, lang):
    """Portal mounted under a sub-path (SCRIPT_NAME): the page kept for every reader, rendered
    for a visitor with a cookie, links under that sub-path and speaks the address's language."""
    mount = "https://portal.example/rumbo/"
    visitor = app.test_client()
    visitor.set_cookie("anything", "1", domain="portal.example")
    assert visitor.get(f"/{lang}/m/1/1", base_url=mount).status_code == 200
    page = kept(app, f"/rumbo/{lang}/m/1/1")
    assert page is not None
    assert f'<html lang="{lang}"'.encode() in page
    assert f'href="/rumbo/{lang}/m/1/"'.encode() in page
    assert b'"/rumbo/assets/' in page
    assert re.findall(rb'(?:href|src|action)="/(?!rumbo/)', page) == []
    assert app.test_client().get(f"/{lang}/m/1/1", base_url=mount).data == page


@pytest.mark.parametrize(
    "page",
    [
        b"<p>no markers</p>",
        b"<!--part:x-->opened, never closed",
        b"closed, never opened<!--/part:x-->",
    ],
)
def test_a_personal_part_without_both_markers_is_a_fault_named_by_its_part(page):
    """splice() makes a visitor's page from the readers' one: a missing marker would put the
    visitor's own words in the wrong place (or drop them), so it stops and names the part."""
    with pytest.raises(RuntimeError, match="part:x has no markers"):
        splice(page, "part:x", "<p>mine</p>")


def test_splice_puts_the_part_in_place_of_its_markers_and_what_they_held():
    page = b"<main><!--part:x--><p>everyone's</p><!--/part:x--><p>after</p></main>"
    assert splice(page, "part:x", "<p>mine</p>") == b"<main><p>mine</p><p>after</p></main>"
