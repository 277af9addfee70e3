"""The anonymous workbook: answers kept without identity, encrypted, resumable by passphrase."""

from __future__ import annotations

from flask import Blueprint, Flask, Response, g

bp = Blueprint("workbook", __name__, url_prefix="/<lang>")

from . import views  # noqa: E402,F401  (registers the routes on bp)


def _drop_bad_cookie(response: Response) -> Response:
    if g.get("drop_cookie"):
        from ..context import settings
        from .cookie import clear

        clear(response, settings().https)
    return response


def init_app(app: Flask) -> None:
    from .cli import workbook_cli
    from .crypto import ServerKeys
    from .throttle import FailureThrottle

    settings = app.extensions["rumbo.settings"]
    app.extensions["rumbo.workbook_keys"] = ServerKeys.from_secret(settings.secret_key)
    app.extensions["rumbo.resume_throttle"] = FailureThrottle()
    app.register_blueprint(bp)
    app.after_request(_drop_bad_cookie)
    app.cli.add_command(workbook_cli)
