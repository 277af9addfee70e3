"""The anonymous workbook: answers kept without identity, encrypted, resumable by passphrase."""

from __future__ import annotations

from flask import Blueprint, Flask

from ..blueprints import register_views

bp = Blueprint("workbook", __name__, url_prefix="/<lang>")


def init_app(app: Flask) -> None:
    from . import current, responses, views
    from .cli import workbook_cli
    from .my_position import my_position

    current.init_app(app)
    responses.init_app(app)
    app.jinja_env.globals.update(my_position=my_position)
    register_views(app, bp, views)
    app.cli.add_command(workbook_cli)
