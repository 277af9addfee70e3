"""The preview's hook on every request: read changed content, show its problems."""

from __future__ import annotations

from typing import Any

from flask import current_app, render_template, request
from flask.typing import ResponseReturnValue

from .live import LIVE

# Addresses that do not depend on the content: the problems page itself needs the style sheet.
UNWATCHED = ("/assets/", "/favicon.ico", "/healthz", "/brand/")


def watch_content() -> ResponseReturnValue | None:
    """Before every request: pick up edited files; while any has an error, show the problems."""
    if request.path.startswith(UNWATCHED):
        return None
    reading = LIVE.get().refresh(current_app)
    if not reading.errors or request.path.startswith("/review/"):
        return None
    page = render_template("preview/problems.html", reading=reading)
    return page, 503, {"Cache-Control": "no-store", "Retry-After": "1"}


def read_edits_first(endpoint: str | None, values: dict[str, Any] | None) -> None:
    """Before a module's number in the address is looked up (portal/addresses.py), read the
    content as it is now: an edit may have added, removed or fixed that module."""
    if not request.path.startswith(UNWATCHED):
        LIVE.get().refresh(current_app)
