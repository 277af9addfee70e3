"""The pages a visitor reads: home, modules, steps (read and saved), help, safety, privacy."""

from __future__ import annotations

from flask import Blueprint, Flask

bp = Blueprint("portal", __name__, url_prefix="/<lang>")


def init_app(app: Flask) -> None:
    from ..workbook.saving import answer_digest
    from . import pages, step  # noqa: F401  (they register their routes on bp)
    from .root import root_bp

    app.jinja_env.globals["answer_digest"] = answer_digest
    app.register_blueprint(root_bp)
    app.register_blueprint(bp)
