"""Workbook pages: plan, export, keep, resume, delete (reading them: reading.py). Thin: logic lives in store."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import abort, current_app, make_response, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from sqlalchemy.exc import SQLAlchemyError

from .. import db
from ..context import settings
from ..curriculum import catalog
from ..i18n import current_locale
from ..insight.counting import count
from ..privacy.headers import mark_personal
from ..privacy.work_gate import WORK_GATE, GateBusy
from . import bp, cookie, events, passphrase, store
from .confirm import confirm_page, confirmed
from .crypto import keep_seed, passphrase_keys
from .current import keyring, open_workbook, server_keys, today, write_cookie
from .history import week_label
from .progress import progress
from .responses import is_unavailable, keep_full_page, room_to_keep, unavailable_page
from .summary import plan_sections, workbook_entries

MAX_PASSPHRASE_CHARS = 300


@bp.get("/workbook/plan")
def plan() -> ResponseReturnValue:
    return _answers_page("workbook/plan.html", "sections", plan_sections)


def _answers_page(template: str, name: str, arrange: Callable[..., Any]) -> ResponseReturnValue:
    """A page of the visitor's own answers, arranged by ``arrange`` (empty without a workbook)."""
    mark_personal()
    if is_unavailable():
        return unavailable_page()
    workbook = open_workbook()
    modules = catalog().modules(current_locale())
    arranged = arrange(modules, workbook.answers) if workbook else []
    return render_template(template, workbook=workbook, nav="workbook", **{name: arranged})


@bp.get("/workbook/<any(workbook, plan):kind>.md")
def export(kind: str) -> ResponseReturnValue:
    mark_personal()
    if is_unavailable():
        return unavailable_page()
    workbook = open_workbook() or abort(404)
    modules = catalog().modules(current_locale())
    if kind == "plan":
        text = render_template(
            "workbook/plan.md", sections=plan_sections(modules, workbook.answers)
        )
    else:
        text = render_template(
            "workbook/workbook.md",
            entries=workbook_entries(modules, workbook.answers),
            progress=progress(
                modules, workbook.answers, workbook.check_ins, lambda week: week_label(week, True)
            ),
        )
    response = make_response(text)
    response.headers["Content-Type"] = "text/markdown; charset=utf-8"
    response.headers["Content-Disposition"] = f'attachment; filename="{kind}.md"'
    return response


@bp.post("/workbook/keep")
def keep() -> ResponseReturnValue:
    """Make the passphrase, then send the browser to the one page that shows it (post/redirect/
    get): sending this form again, or twice at once, makes no second passphrase."""
    mark_personal()
    if is_unavailable():
        return unavailable_page()
    workbook = open_workbook() or abort(400)
    if workbook.pending_passphrase:  # made, not yet shown: the browser lost the answer
        return redirect(url_for("workbook.kept"), 303)
    if workbook.kept and request.form.get("replace") != "yes":
        # Sent again (Back, reload) or pressed on a kept workbook: never replace silently
        # the passphrase the visitor wrote down.
        return render_template("workbook/replace.html", nav="workbook")
    try:
        if not workbook.kept and not room_to_keep():
            return keep_full_page()
    except SQLAlchemyError:
        db.session().rollback()
        return unavailable_page()
    seed = keep_seed(workbook.keys, workbook.opened_from, server_keys())
    phrase = passphrase.from_seed(current_locale(), seed)
    try:
        with WORK_GATE.get().turn():
            keys = passphrase_keys(passphrase.normalise(phrase), server_keys())
        kept = store.rekey(db.session(), workbook, keys, today(), pending_passphrase=phrase)
        if kept is None:  # gone: kept by the same press a moment ago, or deleted
            kept = store.load(db.engine(), keys)
    except (GateBusy, store.Busy):
        abort(503)
    except SQLAlchemyError:
        db.session().rollback()
        return unavailable_page()
    if kept is None:
        abort(400)  # deleted or expired since the page was shown
    if not kept.opened_from:  # moved by this request, not found moved by an earlier press
        count("workbook_kept")
    response = redirect(url_for("workbook.kept"), 303)
    write_cookie(response, kept.keys)
    return response


@bp.get("/workbook/kept")
def kept() -> ResponseReturnValue:
    """The passphrase, shown on this page once: it leaves the workbook as the page is made."""
    mark_personal()
    if is_unavailable():
        return unavailable_page()
    workbook = open_workbook()
    if workbook is None or not workbook.pending_passphrase:
        return render_template("workbook/replace.html", nav="workbook")
    phrase = workbook.pending_passphrase
    try:
        store.shown(db.session(), workbook, today())
    except (store.Busy, SQLAlchemyError):
        db.session().rollback()
        return unavailable_page()
    return render_template("workbook/kept.html", passphrase=phrase, nav="workbook")


@bp.post("/workbook/delete")
def delete() -> ResponseReturnValue:
    mark_personal()
    if not confirmed():
        return confirm_page(
            _("Delete your workbook?"),
            _("All your answers, your plan and your check-ins will be erased from this site, and its passphrase, if you have one, will open nothing. Download your workbook first if you want a copy."),
            url_for("workbook.delete"),
            _("Yes, delete my workbook"),
            url_for("workbook.overview"),
        )  # fmt: skip
    if is_unavailable():
        return unavailable_page()  # nothing was erased: never say it was
    workbook = open_workbook()
    if workbook is not None:
        try:
            events.erasing.send(current_app._get_current_object(), workbook=workbook)  # type: ignore[attr-defined]
            store.erase(db.session(), workbook.keys)
        except SQLAlchemyError:
            db.session().rollback()
            return unavailable_page()
    response = make_response(render_template("workbook/deleted.html", nav="workbook"))
    cookie.clear(response, settings().https)
    return response


@bp.route("/resume", methods=["GET", "POST"])
def resume() -> ResponseReturnValue:
    mark_personal()
    if request.method == "GET":
        return render_template("workbook/resume.html", error=None)
    typed = request.form.get("passphrase", "")
    normalised = passphrase.normalise(typed[:MAX_PASSPHRASE_CHARS])
    if len(typed) > MAX_PASSPHRASE_CHARS or not normalised:
        return render_template(
            "workbook/resume.html", error=_("Type the passphrase you were given.")
        ), 400
    busy = _("Workbooks cannot be opened just now. Please try again in a moment.")
    try:
        workbook = _find_kept(normalised)
    except (GateBusy, store.Busy):
        return render_template("workbook/resume.html", error=busy), 503
    except SQLAlchemyError:
        db.session().rollback()
        return render_template("workbook/resume.html", error=busy), 503
    if workbook is None:
        message = _(
            "No workbook opens with that passphrase. Check each word and try again. Workbooks that were not used for a long time are deleted."
        )
        return render_template("workbook/resume.html", error=message), 400
    count("workbook_resumed")
    response = redirect(url_for("workbook.overview"), 303)
    write_cookie(response, workbook.keys)
    return response


def _find_kept(normalised: str) -> store.Workbook | None:
    """The kept workbook for a passphrase, under the current server key or a retired one; one
    found under a retired key moves to the current key now (the host's key rotation)."""
    expiry = (today(), settings().workbook_retention_days)
    for server in keyring().all():
        with WORK_GATE.get().turn():
            keys = passphrase_keys(normalised, server)
        workbook = store.load(db.engine(), keys, expiry)
        if workbook is None:
            continue
        if server is not server_keys():
            with WORK_GATE.get().turn():
                current = passphrase_keys(normalised, server_keys())
            return store.rekey(db.session(), workbook, current, today())
        store.touch(db.session(), keys, today())
        return workbook
    return None
