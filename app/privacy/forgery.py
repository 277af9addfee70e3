"""Cross-site request forgery protection that needs no cookie.

Browsers tell us where a form was sent from: ``Sec-Fetch-Site`` (all current browsers) or,
in older ones, ``Origin``. Our pages send ``Referrer-Policy: same-origin``, under which a
browser sends its real ``Origin`` with a same-origin form (under ``no-referrer`` it would send
``Origin: null``, which cannot be told apart from a forged form). A state-changing request that
carries neither header, or says it came from elsewhere, is refused with 403: without this, an
old browser could be made to open someone else's workbook through a forged resume form.
Together with the cookie's ``SameSite=Strict`` this needs no token, so no cookie for readers.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Flask, abort, request

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
FETCH_SITE, ORIGIN = "Sec-Fetch-Site", "Origin"
OWN_DOING = frozenset({"same-origin", "none"})  # "none": a bookmark or an address typed


def is_cross_site() -> bool:
    fetch_site = request.headers.get(FETCH_SITE)
    if fetch_site is not None:
        return fetch_site not in OWN_DOING
    origin = request.headers.get(ORIGIN)
    if origin is not None:  # "null" (an opaque origin) has no host, so it is refused too
        return urlsplit(origin).netloc != request.host
    return True  # no word on where it came from: not from one of our pages in any browser


def _refuse_cross_site() -> None:
    if request.method not in SAFE_METHODS and is_cross_site():
        abort(403)


def init_app(app: Flask) -> None:
    app.before_request(_refuse_cross_site)
