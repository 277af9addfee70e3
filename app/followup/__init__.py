"""The follow-up: check-ins kept over time, a calendar reminder, and the "Right now" page.

Pages like the portal's: they use the workbook's services (the serialised save, the plan) and
never the other way round.
"""

from __future__ import annotations

from flask import Blueprint, Flask

from ..blueprints import register_views

bp = Blueprint("followup", __name__, url_prefix="/<lang>")


def init_app(app: Flask) -> None:
    from . import now, views

    register_views(app, bp, now, views)
