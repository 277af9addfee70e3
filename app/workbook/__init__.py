"""The anonymous workbook: answers kept without identity, encrypted, resumable by passphrase."""

from __future__ import annotations

from flask import Blueprint, Flask

from ..blueprints import register_views

bp = Blueprint("workbook", __name__, url_prefix="/<lang>")


def init_app(app: Flask) -> None:
    from . import current, reading, responses, views
    from .cli import workbook_cli

    current.init_app(app)
    responses.init_app(app)
    register_views(app, bp, views, reading)
    app.cli.add_command(workbook_cli)
