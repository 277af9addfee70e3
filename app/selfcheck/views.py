"""The self-check: the questions (read and saved) and the route they give.

Answering is optional throughout: a question left empty is skipped, and a form sent with
nothing in it saves nothing and sets no cookie.
"""

from __future__ import annotations

from typing import Any

from flask import abort, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue

from ..context import settings
from ..curriculum import catalog
from ..curriculum.selfcheck import SelfCheck, route
from ..i18n import current_locale
from ..insight.counting import count_answer
from ..page_cache import public_page
from ..portal.form import read_step
from ..privacy.headers import mark_personal
from ..weeks import iso_week
from ..workbook.current import current_workbook, open_workbook, today
from ..workbook.responses import admit_new_workbook, give_cookie, not_saved_message
from ..workbook.saving import NotSaved, add_self_check
from ..workbook.selfchecks import SelfCheckAnswers, latest
from . import bp
from .personal import my_journey

# Weekly counts (docs/insight.md): how many answered, and which module the route put first.
TAKEN, FIRST_MODULE = "self-check:taken", "self-check:first-module"


def _check() -> SelfCheck:
    return catalog().self_check(current_locale()) or abort(404)


def _render(check: SelfCheck, **context: Any) -> str:
    defaults: dict[str, Any] = {"answers": {}, "errors": {}, "submitted": {}}
    return render_template("selfcheck/questions.html", check=check, **(defaults | context))


@bp.get("/self-check")
def questions() -> ResponseReturnValue:
    check = _check()
    return public_page(lambda: _render(check, answers=_shown_again(check)))


def _shown_again(check: SelfCheck) -> dict[str, Any]:
    """The newest answers, to change rather than start again (only with the cookie)."""
    workbook = open_workbook() if request.cookies else None
    newest = latest(workbook.self_checks) if workbook else None
    if newest is None:
        return {}
    shown = {q.id: q.shown(newest.answers.get(q.id)) for q in check.questions}
    return {key: value for key, value in shown.items() if value is not None}


@bp.post("/self-check")
def save() -> ResponseReturnValue:
    mark_personal()
    check = _check()
    read = read_step(check.exercises, request.form, settings().max_answer_chars)
    if read.foreign:
        abort(400)  # a form made for another page
    if read.errors:
        return _render(check, errors=read.errors, submitted=read.submitted), 400
    kept = {}
    for question in check.questions:
        if question.id in read.values:
            kept[question.id] = question.kept(read.values[question.id])
    if not kept:  # skipped every question: nothing to keep, no cookie
        return redirect(url_for("portal.module_list"), 303)
    try:
        saved = add_self_check(
            current_workbook(), SelfCheckAnswers(iso_week(today()), kept), admit_new_workbook
        )
    except NotSaved as failure:
        message, status = not_saved_message(failure.reason)
        errors = dict.fromkeys(kept, message)
        return _render(check, errors=errors, submitted=read.submitted), status
    count_answer(TAKEN, "all")
    count_answer(FIRST_MODULE, route(check, kept).first_module or "none")
    response = redirect(url_for("selfcheck.your_route"), 303)
    if saved.created:
        give_cookie(response, saved.workbook)
    return response


@bp.get("/self-check/route")
def your_route() -> ResponseReturnValue:
    mark_personal()
    check = _check()
    return render_template("selfcheck/route.html", check=check, journey=my_journey())
