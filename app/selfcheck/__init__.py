"""The self-check pages: the questions, the visitor's route, and the route and factor charts
that the module list and the workbook show (template globals, personal pages only)."""

from __future__ import annotations

from flask import Blueprint, Flask

from ..blueprints import register_views

bp = Blueprint("selfcheck", __name__, url_prefix="/<lang>")


def init_app(app: Flask) -> None:
    from . import views
    from .personal import factor_changes, has_self_check, my_factors, my_journey

    app.jinja_env.globals.update(
        my_journey=my_journey,
        my_factors=my_factors,
        factor_changes=factor_changes,
        has_self_check=has_self_check,
    )
    register_views(app, bp, views)
