"""Guided support (docs/guided.md): a visitor with a kept workbook writes to the host's
counsellors and reads their replies, never identified. Off unless ``[guided] enabled = true``:
then, and only then, its pages, its command and its hooks on the workbook exist."""

from __future__ import annotations

from flask import Blueprint, Flask

from ..blueprints import register_views
from ..context import SETTINGS

visitor_bp = Blueprint("guided", __name__, url_prefix="/<lang>")
counsel_bp = Blueprint("counsel", __name__, url_prefix="/counsel")


def init_app(app: Flask) -> None:
    if not SETTINGS.of(app).guided_enabled:
        return
    from . import counsel_views, hooks, visitor_views
    from .cli import counsel_cli

    hooks.init_app(app)
    register_views(app, visitor_bp, visitor_views)
    register_views(app, counsel_bp, counsel_views)
    app.cli.add_command(counsel_cli)
