"""The pages a visitor reads: home, modules, steps (read and saved), help, safety, privacy."""

from __future__ import annotations

from flask import Blueprint, Flask

from ..blueprints import register_views

bp = Blueprint("portal", __name__, url_prefix="/<lang>")


def init_app(app: Flask) -> None:
    from ..workbook.saving import answer_digest
    from . import addresses, pages, root, step

    app.jinja_env.globals["answer_digest"] = answer_digest
    register_views(app, root.root_bp, root)
    register_views(app, bp, addresses, pages, step)
