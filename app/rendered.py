"""What each process renders once and reuses, and the one place that forgets it all.

Three caches, one per process, none holding anything personal:

- ``page_cache.PAGE_CACHE``: whole public pages, per address;
- ``templating.FRAGMENTS``: the layout's chrome (header bar, menu, footer), per locale;
- ``templating.URLS``: the addresses templates build (``cached_url_for``).

They start empty with the application, and ``forget`` empties them together whenever what they
were rendered from changes (the authors' preview reading content again): no cache can be
forgotten alone and serve a page, a fragment or an address from before the change.
"""

from __future__ import annotations

from flask import Flask

from .page_cache import PAGE_CACHE, PageCache
from .templating import FRAGMENTS, URLS


def forget(app: Flask) -> None:
    PAGE_CACHE.set(app, PageCache())
    FRAGMENTS.set(app, {})
    URLS.set(app, {})
