"""The anonymous workbook: answers kept without identity, encrypted, resumable by passphrase."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Flask

from ..blueprints import register_views

bp = Blueprint("workbook", __name__, url_prefix="/<lang>")


def init_app(app: Flask) -> None:
    from . import current, reading, responses, views
    from .cli import workbook_cli
    from .my_position import my_position

    current.init_app(app)
    responses.init_app(app)
    app.jinja_env.globals.update(my_position=my_position)
    register_views(app, bp, views, reading)
    app.cli.add_command(workbook_cli)
    app.jinja_env.globals["workbook_ratings"] = _workbook_ratings


def _workbook_ratings(workbook: Any) -> list[Any]:
    """For templates/workbook/_ratings.html: the visitor's before-and-after ratings."""
    from ..curriculum import catalog
    from ..i18n import current_locale
    from .ratings import workbook_ratings

    return workbook_ratings(catalog().modules(current_locale()), workbook)
