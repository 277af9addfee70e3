"""gzip where the portal answers directly, and only where it cannot leak (issue 28).

Compression leaks what a page holds through its size (BREACH): when a page carries a secret
beside text an attacker can choose (through the address, a form sent back, an answer shown
again), the length of the compressed page tells whether a guess matches the secret. So only
public pages are compressed: asked for without any cookie, answered without setting one, and
not marked personal (headers.mark_personal). These are the same for every reader and hold no
secret to guess. A page that shows anything of the visitor's own is never compressed, whoever
serves it (nginx: deploy/nginx/, docs/privacy.md).
"""

from __future__ import annotations

import gzip

from flask import Flask, Response, request

from .headers import is_personal

COMPRESSIBLE = {"text/html", "text/css", "text/javascript", "application/javascript"}
MIN_BYTES = 1024  # smaller bodies gain less than the headers cost
LEVEL = 6
KEPT = 256  # compressed public pages kept per worker (they are the same for everyone)


class Compressed:
    """Compressed bodies of public pages, by their uncompressed bytes: at most ``KEPT``."""

    def __init__(self) -> None:
        self.kept: dict[bytes, bytes] = {}

    def __call__(self, body: bytes) -> bytes:
        found = self.kept.get(body)
        if found is None:
            found = gzip.compress(body, LEVEL, mtime=0)
            if len(self.kept) >= KEPT:
                self.kept.pop(next(iter(self.kept)))
            self.kept[body] = found
        return found


def accepts_gzip(header: str) -> bool:
    for item in header.split(","):
        coding, _, params = item.strip().partition(";")
        if coding.strip().lower() in ("gzip", "*"):
            return params.replace(" ", "").lower() not in ("q=0", "q=0.0", "q=0.00", "q=0.000")
    return False


def may_compress(response: Response) -> bool:
    """Public (no cookie either way, not personal), a whole text body, worth compressing."""
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.direct_passthrough
        and not is_personal()
        and "Set-Cookie" not in response.headers
        and "Content-Encoding" not in response.headers
        and response.mimetype in COMPRESSIBLE
        and accepts_gzip(request.headers.get("Accept-Encoding", ""))
    )


def init_app(app: Flask) -> None:
    compressed = Compressed()

    def compress(response: Response) -> Response:
        response.vary.add("Accept-Encoding")  # caches keep one copy per encoding
        if not may_compress(response):
            return response
        body = response.get_data()
        if len(body) < MIN_BYTES:
            return response
        response.set_data(compressed(body))
        response.headers["Content-Encoding"] = "gzip"
        return response

    # After-request functions run last-registered first: this one goes to the front, so it
    # runs after every other (the page marked personal, cookies set, headers added).
    app.after_request_funcs.setdefault(None, []).insert(0, compress)
