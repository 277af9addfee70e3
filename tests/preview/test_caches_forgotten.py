"""After an author's edit, no page, layout fragment or address rendered before it is reused."""

from __future__ import annotations

import html

from app.page_cache import PAGE_CACHE
from app.templating import FRAGMENTS, URLS
from tests.support.content import replace


def caches(app):
    return PAGE_CACHE.of(app), FRAGMENTS.of(app), URLS.of(app)


def test_an_edit_forgets_every_cache_rendered_before_it(preview_app, content_copy):
    client = preview_app.test_client()
    assert client.get("/en/m/1/1").status_code == 200
    assert client.get("/en/help").status_code == 200
    before = caches(preview_app)
    assert all(len(cache._pages if hasattr(cache, "_pages") else cache) for cache in before)
    help_file = content_copy / "en" / "help.yaml"
    replace(help_file, 'name: "Samaritans"', 'name: "Samaritans helpline"')
    page = html.unescape(client.get("/en/help").get_data(as_text=True))
    assert "Samaritans helpline" in page
    after = caches(preview_app)
    assert all(new is not old for new, old in zip(after, before, strict=True))
    assert "/en/m/1/1" not in after[0]._pages
