"""The "Right now" page: the urgent part first (call buttons for the host's crisis lines, what
to do in the next minutes, the hardest moments), then the visitor's own plan for a hard moment
(or how to build one), then the prevention helplines.

Without a cookie it is the same page for every reader and served from the page cache; reading
it never sets a cookie.
"""

from __future__ import annotations

from flask import abort, render_template, request
from flask.typing import ResponseReturnValue

from ..curriculum import catalog
from ..curriculum.model import Page
from ..helpdesk import help_directory
from ..i18n import current_locale
from ..page_cache import public_page
from ..workbook.current import NoWorkbook, current_workbook, open_workbook
from ..workbook.summary import HARD_MOMENT_SECTIONS, plan_sections
from . import bp


@bp.get("/now")
def now() -> ResponseReturnValue:
    lang = current_locale()
    page = catalog().page(lang, "now") or abort(404)
    return public_page(lambda: _render(page, lang))


def _render(page: Page, lang: str) -> str:
    workbook = open_workbook() if request.cookies else None
    plan = (
        plan_sections(catalog().modules(lang), workbook.answers, HARD_MOMENT_SECTIONS)
        if workbook
        else []
    )
    prevention = [
        (country, country.of_kind("prevention"))
        for country in help_directory().for_locale(lang)
        if country.of_kind("prevention")
    ]
    return render_template(
        "followup/now.html",
        page=page,
        workbook=workbook,
        plan=plan,
        unavailable=bool(request.cookies) and current_workbook() is NoWorkbook.UNAVAILABLE,
        prevention=prevention,
        nav="now",
    )
