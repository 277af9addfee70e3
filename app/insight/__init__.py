"""Anonymous insight for the host: daily counts, weekly outcome answers, a report and a page."""

from __future__ import annotations

from flask import Blueprint, Flask

bp = Blueprint("insight", __name__)


def init_app(app: Flask) -> None:
    from ..privacy.throttle import FailureThrottle
    from . import counting, views  # views registers the routes on bp
    from .cli import insight_cli

    counting.init_app(app)
    views.ADMIN_THROTTLE.set(app, FailureThrottle(limit=10, window=60.0))
    app.register_blueprint(bp)
    app.cli.add_command(insight_cli)
