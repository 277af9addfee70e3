"""Anonymous insight for the host: daily counts, weekly outcome answers, a report and a page."""

from __future__ import annotations

from flask import Blueprint, Flask

from ..blueprints import register_views

bp = Blueprint("insight", __name__)


def init_app(app: Flask) -> None:
    from . import counting, views
    from .cli import insight_cli

    counting.init_app(app)
    register_views(app, bp, views)
    app.cli.add_command(insight_cli)
