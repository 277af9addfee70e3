"""Workbook pages: answer, review, plan, export, keep, resume, delete. Thin: logic lives in store."""

from __future__ import annotations

import time

from flask import abort, current_app, g, make_response, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy.exc import SQLAlchemyError

from .. import db
from ..context import catalog, settings
from ..insight.counting import count, count_answer
from ..portal.views import render_step
from ..privacy.headers import mark_personal
from . import bp, cookie, passphrase, store
from .answers import InvalidAnswer, read_answer
from .crypto import passphrase_keys
from .current import current_workbook, server_keys, today
from .summary import plan_sections, workbook_entries

MAX_PASSPHRASE_CHARS = 300


def _bad_cookie_message() -> str | None:
    reason = g.get("drop_cookie")
    if reason == "expired":
        return _(
            "Your earlier workbook has expired and was deleted. Save again to start a new one: your text is still in the box."
        )
    if reason == "tampered":
        return _(
            "Your workbook could not be read. Save again to start a new one: your text is still in the box."
        )
    return None


@bp.post("/modules/<slug>/<step_id>")
def answer(slug: str, step_id: str):
    module, step = catalog().step(g.lang, slug, step_id) or abort(404)
    exercise = next((e for e in step.exercises if e.id == request.form.get("exercise")), None)
    if exercise is None:
        abort(400)
    form = request.form.to_dict(flat=False)
    submitted = {
        exercise.id: {k: (v if k in ("item", "option") else v[0]) for k, v in form.items()}
    }
    mark_personal()
    try:
        value = read_answer(exercise, form, settings().max_answer_chars)
    except InvalidAnswer as invalid:
        return render_step(slug, step_id, {exercise.id: invalid.message}, submitted, status=400)
    workbook = current_workbook()
    problem = _bad_cookie_message()
    if problem:
        return render_step(slug, step_id, {exercise.id: problem}, submitted, status=400)
    is_new = workbook is None
    first_time = is_new or exercise.id not in workbook.answers.get(slug, {})
    try:
        if g.get("database_down"):
            raise SQLAlchemyError("database unavailable")
        workbook = workbook or store.create(server_keys())
        workbook.set_answer(slug, exercise.id, value)
        store.save(db.session(), workbook, today())
    except SQLAlchemyError:
        db.session().rollback()
        message = _(
            "Your answer could not be saved just now. Your text is still in the box: please try again in a moment."
        )
        return render_step(slug, step_id, {exercise.id: message}, submitted, status=503)
    count("exercise_answered", slug, step_id)
    if exercise.counted and first_time:
        count_answer(f"ruler:{slug}/{exercise.id}", str(value))
    response = redirect(
        url_for("portal.step", slug=slug, step_id=step_id, _anchor=f"ex-{exercise.id}"), 303
    )
    if is_new:
        cookie.write(response, workbook.keys, server_keys(), settings().https)
        _purge_now_and_then()
    return response


@bp.get("/workbook")
def overview():
    mark_personal()
    workbook = current_workbook()
    entries = workbook_entries(catalog().modules(g.lang), workbook.answers) if workbook else []
    return render_template(
        "workbook/overview.html", workbook=workbook, entries=entries, nav="workbook"
    )


@bp.get("/workbook/plan")
def plan():
    mark_personal()
    workbook = current_workbook()
    sections = plan_sections(catalog().modules(g.lang), workbook.answers) if workbook else []
    return render_template(
        "workbook/plan.html", workbook=workbook, sections=sections, nav="workbook"
    )


@bp.get("/workbook/<any(workbook, plan):kind>.md")
def export(kind: str):
    mark_personal()
    workbook = current_workbook() or abort(404)
    modules = catalog().modules(g.lang)
    if kind == "plan":
        text = render_template(
            "workbook/plan.md", sections=plan_sections(modules, workbook.answers)
        )
    else:
        text = render_template(
            "workbook/workbook.md", entries=workbook_entries(modules, workbook.answers)
        )
    response = make_response(text)
    response.headers["Content-Type"] = "text/markdown; charset=utf-8"
    response.headers["Content-Disposition"] = f'attachment; filename="{kind}.md"'
    return response


@bp.post("/workbook/keep")
def keep():
    mark_personal()
    workbook = current_workbook() or abort(400)
    phrase = passphrase.generate(g.lang)
    kept = store.rekey(
        db.session(),
        workbook,
        passphrase_keys(passphrase.normalise(phrase), server_keys()),
        today(),
    )
    count("workbook_kept")
    response = make_response(
        render_template("workbook/kept.html", passphrase=phrase, nav="workbook")
    )
    cookie.write(response, kept.keys, server_keys(), settings().https)
    return response


@bp.post("/workbook/delete")
def delete():
    mark_personal()
    workbook = current_workbook()
    if workbook is not None:
        store.erase(db.session(), workbook.keys)
    response = make_response(render_template("workbook/deleted.html", nav="workbook"))
    cookie.clear(response, settings().https)
    return response


@bp.route("/resume", methods=["GET", "POST"])
def resume():
    mark_personal()
    if request.method == "GET":
        return render_template("workbook/resume.html", error=None)
    throttle = current_app.extensions["rumbo.resume_throttle"]
    if throttle.blocked():
        abort(429)
    typed = request.form.get("passphrase", "")
    normalised = passphrase.normalise(typed[:MAX_PASSPHRASE_CHARS])
    if len(typed) > MAX_PASSPHRASE_CHARS or not normalised:
        return render_template(
            "workbook/resume.html", error=_("Type the passphrase you were given.")
        ), 400
    keys = passphrase_keys(normalised, server_keys())
    try:
        workbook = store.load(db.session(), keys)
        if workbook is not None:
            store.touch(db.session(), keys, today())
    except SQLAlchemyError:
        db.session().rollback()
        return render_template(
            "workbook/resume.html",
            error=_("Workbooks cannot be opened just now. Please try again in a moment."),
        ), 503
    if workbook is None:
        throttle.failed()
        message = _(
            "No workbook opens with that passphrase. Check each word and try again. Workbooks that were not used for a long time are deleted."
        )
        return render_template("workbook/resume.html", error=message), 400
    count("workbook_resumed")
    response = redirect(url_for("workbook.overview"), 303)
    cookie.write(response, keys, server_keys(), settings().https)
    return response


def _purge_now_and_then() -> None:
    """Delete expired workbooks at most once an hour per process, on the back of a new one."""
    last = current_app.extensions.get("rumbo.last_purge", 0.0)
    if time.monotonic() - last < 3600:
        return
    current_app.extensions["rumbo.last_purge"] = time.monotonic()
    try:
        store.purge(db.session(), today(), settings().workbook_retention_days)
    except SQLAlchemyError:
        db.session().rollback()
