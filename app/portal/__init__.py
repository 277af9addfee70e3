"""The pages a visitor reads: home, modules, steps (read and saved), help, safety, privacy."""

from __future__ import annotations

from flask import Blueprint, Flask

from ..context import SETTINGS

bp = Blueprint("portal", __name__, url_prefix="/<lang>")


def init_app(app: Flask) -> None:
    from ..workbook.saving import answer_digest
    from . import addresses, pages, step  # noqa: F401  (they register their routes on bp)
    from .page_cache import PAGE_CACHE, PageCache
    from .root import root_bp

    PAGE_CACHE.set(app, PageCache())
    app.jinja_env.globals["answer_digest"] = answer_digest
    step.PURGE_CLOCK.set(app, step.PurgeClock())
    per_minute = SETTINGS.of(app).new_workbooks_per_minute
    step.NEW_WORKBOOKS.set(app, step.NewWorkbookBudget(per_minute))
    app.register_blueprint(root_bp)
    app.register_blueprint(bp)
