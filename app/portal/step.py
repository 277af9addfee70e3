"""The step page: read it (GET), and save what the visitor wrote on it (POST).

The one place where a page and the workbook meet: this module uses the workbook's services,
the workbook never uses the pages.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import Any

from flask import abort, make_response, redirect, render_template, request
from flask.typing import ResponseReturnValue
from werkzeug.wrappers import Response

from ..context import settings
from ..curriculum import Exercise, Step, catalog
from ..i18n import current_locale
from ..insight.counting import count, count_answer
from ..page_cache import is_public_request, shared_page, splice
from ..privacy.headers import mark_personal
from ..workbook.current import current_answers, current_workbook
from ..workbook.notes import note_of
from ..workbook.responses import admit_new_workbook, give_cookie, not_saved_message
from ..workbook.saving import NotSaved, save_answers
from . import bp
from .form import read_step
from .routing import where_next, with_notice


@bp.get("/m/<int:module>/<int:step>")
def step(slug: str, step_id: str) -> ResponseReturnValue:
    # Performance (docs/performance.md): every visitor's page starts from the one rendered for
    # the first reader of this address (page_cache.py); a visitor with answers gets only their
    # exercises rendered again, and spliced into it.
    module, current = catalog().step(current_locale(), slug, step_id) or abort(404)
    page = shared_page(lambda: render_step(slug, step_id, answers={}))
    if not is_public_request():
        answers = current_answers().get(slug, {})
        page = with_notice(with_answers(page, current, answers), module, current, answers)
    count("step_viewed", slug, step_id)
    return page


def with_answers(page: bytes, current: Step, answers: dict[str, Any]) -> bytes:
    """``page`` (a step as any reader sees it) with the visitor's answered exercises in it.

    Each exercise's HTML sits between ``<!--exercise:ID-->`` and ``<!--/exercise:ID-->``
    (templates/exercises/exercise.html); only those are rendered again, with the answers.
    """
    for exercise in current.exercises:
        if exercise.id not in answers:
            continue
        own = render_template(
            "exercises/exercise.html",
            exercise=exercise,
            module_answers=answers,
            errors={},
            submitted={},
        )
        page = splice(page, f"exercise:{exercise.id}", own)
    return page


@bp.post("/m/<int:module>/<int:step>")
def save(slug: str, step_id: str) -> ResponseReturnValue:
    """Save every exercise of the step in one go, then stay or go on as the visitor chose."""
    module, current = catalog().step(current_locale(), slug, step_id) or abort(404)
    if not current.exercises:
        abort(405)
    mark_personal()
    typed = read_step(current.exercises, request.form, settings().max_answer_chars)
    if typed.foreign:
        abort(400)  # a form made for another page: nothing in it belongs here
    saved = None
    if typed.values or typed.removals:
        try:
            saved = save_answers(
                current_workbook(),
                slug,
                typed.values,
                typed.removals,
                admit_new_workbook,
                note=partial(note_of, module),
            )
        except NotSaved as failure:
            message, status = not_saved_message(failure.reason)
            errors = {exercise_id: message for exercise_id in typed.values} | typed.errors
            page = render_step(slug, step_id, errors, typed.submitted)
            return page, status
        for _exercise in typed.values:
            count("exercise_answered", slug, step_id)
        _count_rulers(slug, current.exercises, saved.first_answers, typed.values)
    response: Response
    if typed.errors:
        answers = saved.workbook.answers if saved else None
        page = render_step(slug, step_id, typed.errors, typed.submitted, answers)
        response = make_response(page, 400)
    else:
        go_on = request.form.get("then") == "next"
        response = redirect(where_next(module, current, typed.chosen, go_on), 303)
    if saved is not None and saved.created:
        give_cookie(response, saved.workbook)
    return response


def render_step(
    slug: str,
    step_id: str,
    errors: dict[str, Any] | None = None,
    submitted: dict[str, dict[str, Any]] | None = None,
    answers: Mapping[str, dict[str, Any]] | None = None,
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
        answers=current_answers() if answers is None else answers,
        errors=errors or {},
        submitted=submitted or {},
    )


def _count_rulers(
    slug: str, exercises: tuple[Exercise, ...], first: frozenset[str], values: dict[str, Any]
) -> None:
    """Counted rulers add to the weekly distribution once per workbook: their first answer."""
    for exercise in exercises:
        if exercise.is_counted and exercise.id in first:
            count_answer(f"ruler:{slug}/{exercise.id}", str(values[exercise.id]))
