"""The step page: read it (GET), and save what the visitor wrote on it (POST).

The one place where a page and the workbook meet: this module uses the workbook's services,
the workbook never uses the pages.
"""

from __future__ import annotations

import time
from typing import Any

from flask import abort, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from ..context import Slot, settings
from ..curriculum import Exercise, catalog
from ..curriculum.exercises import InvalidAnswer
from ..i18n import current_locale
from ..insight.counting import count, count_answer
from ..privacy.headers import mark_personal
from ..workbook import cookie
from ..workbook.current import NoWorkbook, current_answers, current_workbook, server_keys
from ..workbook.saving import NotSaved, PurgeClock, purge_now_and_then, save_answers
from ..workbook.store import Workbook
from . import bp
from .form import ExerciseFields
from .page_cache import public_page

PURGE_CLOCK: Slot[PurgeClock] = Slot("purge_clock")


@bp.get("/modules/<slug>/<step_id>")
def step(slug: str, step_id: str) -> ResponseReturnValue:
    # Performance: a reader without a cookie gets the page rendered for the first such reader
    # (page_cache.py); a visitor with a workbook gets it rendered for them, every time.
    page = public_page(lambda: render_step(slug, step_id))
    count("step_viewed", slug, step_id)
    return page


@bp.post("/modules/<slug>/<step_id>")
def save(slug: str, step_id: str) -> ResponseReturnValue:
    _module, current = catalog().step(current_locale(), slug, step_id) or abort(404)
    exercise = next((e for e in current.exercises if e.id == request.form.get("exercise")), None)
    if exercise is None:
        abort(400)
    mark_personal()
    fields = ExerciseFields(request.form)
    submitted = {exercise.id: fields.as_typed()}
    try:
        value = exercise.read(fields, settings().max_answer_chars)
    except InvalidAnswer as invalid:
        return render_step(slug, step_id, {exercise.id: invalid.message}, submitted), 400
    try:
        saved = save_answers(current_workbook(), slug, {exercise.id: value})
    except NotSaved as failure:
        message, status = _not_saved_message(failure.reason)
        return render_step(slug, step_id, {exercise.id: message}, submitted), status
    count("exercise_answered", slug, step_id)
    _count_rulers(slug, [exercise], saved.first_answers, {exercise.id: value})
    response = redirect(
        url_for("portal.step", slug=slug, step_id=step_id, _anchor=f"ex-{exercise.id}"), 303
    )
    if saved.created:
        _give_cookie(response, saved.workbook)
    return response


def render_step(
    slug: str,
    step_id: str,
    errors: dict[str, Any] | None = None,
    submitted: dict[str, dict[str, Any]] | None = None,
) -> str:
    found = catalog().step(current_locale(), slug, step_id) or abort(404)
    module, current = found
    index = current.number - 1
    previous = module.steps[index - 1] if index > 0 else None
    following = module.steps[index + 1] if index + 1 < len(module.steps) else None
    _, next_module = catalog().neighbours(current_locale(), module)
    return render_template(
        "step.html",
        module=module,
        step=current,
        previous=previous,
        following=following,
        next_module=next_module,
        answers=current_answers(),
        errors=errors or {},
        submitted=submitted or {},
    )


def _not_saved_message(reason: NoWorkbook) -> tuple[str, int]:
    if reason is NoWorkbook.EXPIRED:
        return _(
            "Your earlier workbook has expired and was deleted. Save again to start a new one: your text is still in the box."
        ), 400
    if reason is NoWorkbook.UNREADABLE:
        return _(
            "Your workbook could not be read. Save again to start a new one: your text is still in the box."
        ), 400
    return _(
        "Your answer could not be saved just now. Your text is still in the box: please try again in a moment."
    ), 503


def _count_rulers(
    slug: str, exercises: list[Exercise], first: frozenset[str], values: dict[str, Any]
) -> None:
    """Counted rulers add to the weekly distribution once per workbook: their first answer."""
    for exercise in exercises:
        if exercise.is_counted and exercise.id in first:
            count_answer(f"ruler:{slug}/{exercise.id}", str(values[exercise.id]))


def _give_cookie(response: Response, workbook: Workbook) -> None:
    cookie.write(response, workbook.keys, server_keys(), settings().https)
    purge_now_and_then(PURGE_CLOCK.get(), time.monotonic(), settings().workbook_retention_days)
