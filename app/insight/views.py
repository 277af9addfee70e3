"""The outcome questionnaire's answer, and the host's password-protected insight page."""

from __future__ import annotations

from datetime import date, timedelta

from flask import abort, render_template, request
from flask.typing import ResponseReturnValue
from werkzeug.datastructures import WWWAuthenticate
from werkzeug.exceptions import Unauthorized

from .. import db
from ..context import settings
from ..privacy.headers import mark_personal
from ..privacy.work_gate import WORK_GATE, GateBusy
from ..weeks import iso_week, parse_iso_week
from . import bp
from .counting import count, count_answer
from .follow_up import build_follow_up
from .outcomes import QUESTIONS, ForgedAnswer, read_outcomes
from .password import verify_password
from .report import build_report, last_finished_week

FOLLOW_UP_WEEKS = 12


@bp.post("/<lang>/outcomes")
def outcomes() -> ResponseReturnValue:
    try:
        answers = read_outcomes(request.form.to_dict(flat=False))
    except ForgedAnswer:
        abort(400)
    for question, answer in answers.items():
        count_answer(question, answer)
    if answers:
        count("outcomes_answered")
    return render_template("insight/thanks.html", answered=bool(answers))


@bp.get("/admin/insight")
def admin() -> ResponseReturnValue:
    stored = settings().insight_password_hash
    if not stored:
        abort(404)  # without a configured password the page does not exist
    credentials = request.authorization
    if credentials is None or not _verified(credentials.password or "", stored):
        raise Unauthorized(www_authenticate=_challenge())
    try:
        week = parse_iso_week(request.args["week"]) if "week" in request.args else date.today()
    except ValueError:
        abort(400)
    min_cell = settings().insight_min_cell
    report = build_report(db.session(), week, min_cell, date.today())
    # The follow-up charts: the chosen week and the ones before it, each a whole week.
    first = report.start - timedelta(weeks=FOLLOW_UP_WEEKS - 1)
    follow_up = build_follow_up(db.session(), first, report.end, min_cell)
    mark_personal()  # figures for the host only: never cached on the way
    return render_template(
        "insight/admin.html",
        report=report,
        follow_up=follow_up,
        questions=QUESTIONS,
        previous_week=iso_week(report.start - timedelta(weeks=1)),
        next_week=(
            iso_week(report.start + timedelta(weeks=1))
            if report.start < last_finished_week(date.today())
            else None
        ),
    )


def _verified(password: str, stored: str) -> bool:
    """The password's scrypt waits its turn with the visitors' (privacy/work_gate.py): a flood
    of wrong passwords queues, never refuses the host's correct one, and never runs more than a
    few 128 MiB scrypt runs at once."""
    try:
        with WORK_GATE.get().turn():
            return verify_password(password, stored)
    except GateBusy:
        abort(503)


def _challenge() -> WWWAuthenticate:
    return WWWAuthenticate("basic", {"realm": "Rumbo insight", "charset": "UTF-8"})
