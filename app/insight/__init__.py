"""Anonymous insight for the host: daily counts, weekly outcome answers, a report and a page."""

from __future__ import annotations

from flask import Blueprint, Flask

bp = Blueprint("insight", __name__)

from . import views  # noqa: E402,F401  (registers the routes on bp)


def init_app(app: Flask) -> None:
    from ..workbook.throttle import FailureThrottle
    from . import counting
    from .cli import insight_cli

    counting.init_app(app)
    app.extensions["rumbo.admin_throttle"] = FailureThrottle(limit=10, window=60.0)
    app.register_blueprint(bp)
    app.cli.add_command(insight_cli)
