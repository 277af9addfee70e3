"""The authors' preview (``make preview``): live reload, problems in the browser, review pages.

Only installed when the ``preview`` setting is on, which the configuration refuses in
production: under ``make serve`` none of this exists and ``/review/`` is a 404.
"""

from __future__ import annotations

from flask import Flask

from ..blueprints import register_views
from . import review
from .live import LIVE, LiveContent
from .review import review_bp
from .views import read_edits_first, watch_content

__all__ = ["LIVE", "LiveContent", "init_app"]


def init_app(app: Flask, live: LiveContent) -> None:
    LIVE.set(app, live)
    app.url_value_preprocessor(read_edits_first)
    app.before_request(watch_content)
    register_views(app, review_bp, review)
