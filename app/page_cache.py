"""Public pages, rendered once per worker and then reused.

Performance (docs/performance.md): rendering a step page's templates costs about 1.3 ms, five
times what the framework spends on the rest of the request, and caps a step page at a quarter
of the framework's throughput. A request without any cookie and without a query string can only
get the public page for its address, the same bytes for every reader, so the first rendering
is kept in this process's memory as UTF-8 (at most ``MAX_PAGES``, least recently used out).

Privacy: a request with any cookie is never answered from here: with the workbook cookie a page
is personal (Cache-Control: no-store). Whatever request first asks for a page (with a cookie, with
a query string), the page kept is rendered in a request of its own for the bare address, without
cookie, query or headers: nothing one visitor sent can reach another (issue 21, row 7). The key
is the page's address; nothing about the visitor is kept. Views still count their events on
every request.

Shared by every package of pages (portal, followup, preview), as a peer of theirs.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable

from flask import current_app, request

from .context import Slot

MAX_PAGES = 512  # at most ~5 MB per worker; the shipped content has ~130 public pages


class PageCache:
    """A small least-recently-used map from a page's address to its HTML."""

    def __init__(self, size: int = MAX_PAGES) -> None:
        self.size = size
        self._pages: OrderedDict[str, bytes] = OrderedDict()
        self._lock = threading.Lock()  # the development server runs requests in threads

    def get(self, key: str) -> bytes | None:
        with self._lock:
            page = self._pages.get(key)
            if page is not None:
                self._pages.move_to_end(key)
            return page

    def put(self, key: str, page: bytes) -> None:
        with self._lock:
            self._pages[key] = page
            self._pages.move_to_end(key)
            while len(self._pages) > self.size:
                self._pages.popitem(last=False)


PAGE_CACHE: Slot[PageCache] = Slot("page_cache")  # one per worker, filled on first use


def is_public_request() -> bool:
    """True when the page can depend on nothing but its address."""
    return request.method in ("GET", "HEAD") and not request.cookies and not request.query_string


def public_page(render: Callable[[], str]) -> str | bytes:
    """``render()``, or the page kept from an earlier public request for the same address.

    Pages are kept encoded: a page with one character beyond Latin-1 (such as "→") would
    otherwise take two or four bytes per character as a Python string."""
    if not is_public_request():
        return render()
    return shared_page(render)


def shared_page(render: Callable[[], str]) -> bytes:
    """The page for this address that every reader gets, rendered once per worker.

    ``render`` must not depend on the visitor: it is called for the first request for this
    address, whoever makes it (personal step pages start from it, portal/step.py); it is
    called in a request of its own for the bare address (``as_any_reader``)."""
    cache = PAGE_CACHE.get()
    key = request.script_root + request.path
    page = cache.get(key)
    if page is None:
        page = as_any_reader(render).encode()
        cache.put(key, page)
    return page


def splice(page: bytes, part: str, html: str) -> bytes:
    """``page`` with its ``part`` (between ``<!--part-->`` and ``<!--/part-->``) replaced by
    ``html``: how a personal page is made from the one every reader gets."""
    before, found, rest = page.partition(f"<!--{part}-->".encode())
    _, closed, after = rest.partition(f"<!--/{part}-->".encode())
    if not (found and closed):
        raise RuntimeError(f"{part} has no markers on its page")
    return before + html.encode() + after


def as_any_reader(render: Callable[[], str]) -> str:
    """``render()`` in a fresh request for this address as a reader without cookie or query
    string sends it, with a fresh ``g``: the page cannot carry this request's arguments,
    cookie, headers or anything a view put in ``g`` for this visitor. It keeps the address's
    mount point (``url_root``: links under a sub-path stay under it) and its locale, which every
    cached page carries as its first path segment (i18n.current_locale reads it there)."""
    with (
        current_app.app_context(),
        current_app.test_request_context(request.path, base_url=request.url_root),
    ):
        return render()
