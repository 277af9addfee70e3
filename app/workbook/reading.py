"""The pages where a visitor reads their workbook: an overview, one module's answers, the
check-in history a page at a time (issue 28). Each decrypts only what it shows (document.py),
so none grows heavier or slower with a year of use; the download stays the complete copy."""

from __future__ import annotations

from flask import abort, render_template, request
from flask.typing import ResponseReturnValue

from ..curriculum import catalog
from ..i18n import current_locale
from ..privacy.headers import mark_personal
from . import bp
from .current import open_workbook
from .history import (
    RECENT_WEEKS,
    check_in_page,
    module_progress,
    recent_progress,
    week_label,
    year_progress,
)
from .responses import is_unavailable, unavailable_page
from .summary import workbook_entries

MAX_PAGE = 1000  # more than ten years of weekly check-ins, a quarter a page


@bp.app_template_filter("week_date")
def week_date(week: str, with_year: bool = False) -> str:
    return week_label(week, with_year)


@bp.get("/workbook")
def overview() -> ResponseReturnValue:
    mark_personal()
    if is_unavailable():
        return unavailable_page()
    workbook = open_workbook()
    modules = catalog().modules(current_locale())
    extra = {}
    if workbook is not None:
        extra = {
            "modules_progress": module_progress(modules, workbook),
            "progress": recent_progress(modules, workbook),
            "check_in_count": workbook.check_in_count,
            "recent_weeks": RECENT_WEEKS,
        }
    return render_template("workbook/overview.html", workbook=workbook, nav="workbook", **extra)


@bp.get("/workbook/<int:order>")
def module_answers(order: int) -> ResponseReturnValue:
    """One module's answers, each with a link back to its step."""
    mark_personal()
    if is_unavailable():
        return unavailable_page()
    module = catalog().numbered(current_locale(), order) or abort(404)
    workbook = open_workbook()
    entries = workbook_entries((module,), workbook.answers) if workbook else []
    return render_template(
        "workbook/module.html", workbook=workbook, module=module, entries=entries, nav="workbook"
    )


@bp.get("/workbook/check-ins")
def check_ins() -> ResponseReturnValue:
    """Every check-in, newest first, a quarter a page (``?page=``), with the year's charts."""
    mark_personal()
    if is_unavailable():
        return unavailable_page()
    number = request.args.get("page", "1")
    if not number.isdigit() or not 1 <= int(number) <= MAX_PAGE:
        abort(404)
    workbook = open_workbook()
    modules = catalog().modules(current_locale())
    page = check_in_page(workbook, int(number)) if workbook else None
    if workbook is not None and page is None:
        abort(404)
    progress = year_progress(modules, workbook) if workbook and int(number) == 1 else None
    return render_template(
        "workbook/check_ins.html", workbook=workbook, page=page, progress=progress, nav="workbook"
    )
