"""The anonymous workbook: answers kept without identity, encrypted, resumable by passphrase."""

from __future__ import annotations

from flask import Blueprint, Flask

bp = Blueprint("workbook", __name__, url_prefix="/<lang>")


def init_app(app: Flask) -> None:
    from . import current, responses, views  # noqa: F401  (views registers the routes on bp)
    from .cli import workbook_cli

    current.init_app(app)
    responses.init_app(app)
    app.register_blueprint(bp)
    app.cli.add_command(workbook_cli)
