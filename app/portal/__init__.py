"""The pages a visitor reads: home, modules, steps (read and saved), help, safety, privacy."""

from __future__ import annotations

from flask import Blueprint, Flask

from ..blueprints import register_views
from ..context import SETTINGS

bp = Blueprint("portal", __name__, url_prefix="/<lang>")


def init_app(app: Flask) -> None:
    from ..workbook.saving import answer_digest
    from . import pages, root, step
    from .page_cache import PAGE_CACHE, PageCache

    PAGE_CACHE.set(app, PageCache())
    app.jinja_env.globals["answer_digest"] = answer_digest
    step.PURGE_CLOCK.set(app, step.PurgeClock())
    per_minute = SETTINGS.of(app).new_workbooks_per_minute
    step.NEW_WORKBOOKS.set(app, step.NewWorkbookBudget(per_minute))
    register_views(app, root.root_bp, root)
    register_views(app, bp, pages, step)
