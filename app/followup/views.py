"""Check-ins: the form (read and saved), the comparison after it, deleting one, the reminder."""

from __future__ import annotations

from flask import abort, make_response, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from ..context import settings
from ..curriculum import catalog
from ..i18n import current_locale
from ..insight.counting import count, count_answer
from ..page_cache import public_page
from ..privacy.headers import mark_personal
from ..workbook.checkins import RULERS, history
from ..workbook.confirm import confirm_page, confirmed
from ..workbook.current import current_answers, current_workbook, open_workbook, today
from ..workbook.progress import start_values
from ..workbook.responses import (
    admit_new_workbook,
    give_cookie,
    is_unavailable,
    not_saved_message,
    unavailable_page,
)
from ..workbook.saving import NotSaved, add_check_in, delete_check_in
from . import bp
from .calendar import MAX_TITLE_CHARS, WEEKS, reminder
from .comparison import compare
from .form import CheckInForm, check_in_form, iso_week, read_check_in

COUNTED_RULER = "ruler:check-in/{}"  # weekly distributions (docs/insight.md)


def _form() -> CheckInForm:
    check = catalog().self_check(current_locale())
    tracked = check.tracked if check else ()
    return check_in_form(catalog().modules(current_locale()), current_answers(), tracked)


def _render(**context: object) -> str:
    defaults: dict[str, object] = {
        "form": _form(),
        "errors": {},
        "submitted": {},
        "module_answers": {},
        "reminder_title": _("Personal reminder"),
        "reminder_weeks": 2,
    }
    return render_template("followup/check_in.html", **(defaults | context))


def _page(status: int, **context: object) -> ResponseReturnValue:
    return _render(**context), status


@bp.get("/check-in")
def check_in() -> ResponseReturnValue:
    # Without a cookie the form is the same for every reader (the default warning signs).
    return public_page(_render)


@bp.post("/check-in")
def save() -> ResponseReturnValue:
    mark_personal()
    form = _form()
    read = read_check_in(form, request.form, iso_week(today()), settings().max_answer_chars)
    if read.form.foreign:
        abort(400)  # a form made for another page
    if read.check_in is None:
        return _page(400, form=form, errors=read.form.errors, submitted=read.form.submitted,
                     module_answers=read.form.values)  # fmt: skip
    try:
        saved = add_check_in(current_workbook(), read.check_in, admit_new_workbook)
    except NotSaved as failure:
        message, status = not_saved_message(failure.reason)
        return _page(status, form=form, errors={"note": message}, submitted=read.form.submitted,
                     module_answers=read.form.values)  # fmt: skip
    count("checked_in")
    for ruler in RULERS:
        count_answer(COUNTED_RULER.format(ruler), str(read.check_in.ruler(ruler)))
    response = redirect(url_for("followup.saved"), 303)
    if saved.created:
        give_cookie(response, saved.workbook)
    return response


@bp.get("/check-in/saved")
def saved() -> ResponseReturnValue:
    mark_personal()
    if is_unavailable():
        return unavailable_page()
    workbook = open_workbook()
    comparison = None
    if workbook is not None:
        start = start_values(catalog().modules(current_locale()), workbook.answers)
        comparison = compare(start, history(workbook.check_ins))
    return render_template(
        "followup/saved.html",
        comparison=comparison,
        kept=workbook is not None and workbook.kept,
        errors={},
        reminder_title=_("Personal reminder"),
        reminder_weeks=2,
    )


@bp.post("/check-in/delete")
def delete() -> ResponseReturnValue:
    mark_personal()
    check_in_id = request.form.get("check_in", "")
    if not check_in_id or len(check_in_id) > 32:
        abort(400)
    if not confirmed():
        return confirm_page(
            _("Delete this check-in?"),
            _("This check-in's answers and note will be erased from your workbook. Your other check-ins stay."),
            url_for("followup.delete"),
            _("Yes, delete this check-in"),
            url_for("workbook.check_ins"),
            {"check_in": check_in_id},
        )  # fmt: skip
    try:
        delete_check_in(current_workbook(), check_in_id)
    except NotSaved as failure:
        if failure.reason == "unavailable":
            return unavailable_page()
        abort(not_saved_message(failure.reason)[1])
    return redirect(url_for("workbook.check_ins"), 303)


@bp.post("/check-in/reminder")
def calendar_file() -> ResponseReturnValue:
    """The .ics file for the next check-in: made from the form, stored nowhere."""
    mark_personal()
    title = " ".join(request.form.get("title", "").split())
    weeks = request.form.get("weeks", "")
    error = None
    if weeks not in {str(w) for w in WEEKS}:
        error = _("Choose when you want to be reminded: in 1, 2 or 4 weeks.")
    elif not title or len(title) > MAX_TITLE_CHARS:
        error = _(
            "Give the reminder a title of at most %(limit)d characters.", limit=MAX_TITLE_CHARS
        )
    if error:
        chosen = int(weeks) if weeks in {str(w) for w in WEEKS} else 2
        return _page(400, errors={"reminder": error}, reminder_title=request.form.get("title", "")[:1000],
                     reminder_weeks=chosen)  # fmt: skip
    response = make_response(reminder(title, today(), int(weeks)))
    response.headers["Content-Type"] = "text/calendar; charset=utf-8"
    response.headers["Content-Disposition"] = 'attachment; filename="reminder.ics"'
    return response
