"""The authors' preview (``make preview``): live reload, problems in the browser, review pages.

Only installed when the ``preview`` setting is on, which the configuration refuses in
production: under ``make serve`` none of this exists and ``/review/`` is a 404.
"""

from __future__ import annotations

import threading

from flask import Flask

from ..blueprints import register_views
from ..context import SETTINGS
from ..curriculum.readability import warm
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
    if SETTINGS.of(app).environment != "test":  # tests would pay ~1.5 s of CPU per app
        catalog = live.reading.catalog
        threading.Thread(
            target=warm, args=(catalog,), name="rumbo-readability", daemon=True
        ).start()
