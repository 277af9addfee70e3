"""Cross-site request forgery protection that needs no cookie.

Browsers tell us where a form was sent from: ``Sec-Fetch-Site`` (all current browsers) or
``Origin``. A state-changing request from another site is refused with 403. Together with the
workbook cookie's ``SameSite=Strict`` this needs no token and so no cookie for readers.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Flask, abort, request

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def is_cross_site() -> bool:
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site not in ("same-origin", "none")
    origin = request.headers.get("Origin")
    if origin is not None:
        return origin == "null" or urlsplit(origin).netloc != request.host
    return False


def _refuse_cross_site() -> None:
    if request.method not in SAFE_METHODS and is_cross_site():
        abort(403)


def init_app(app: Flask) -> None:
    app.before_request(_refuse_cross_site)
