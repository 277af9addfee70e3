"""Anonymous insight for the host: daily counts, weekly outcome answers, a report and a page."""

from __future__ import annotations

from flask import Blueprint, Flask

bp = Blueprint("insight", __name__)


def init_app(app: Flask) -> None:
    from . import counting, views  # noqa: F401 (views registers the routes on bp)
    from .cli import insight_cli

    counting.init_app(app)
    app.register_blueprint(bp)
    app.cli.add_command(insight_cli)
