"""The visitor's side: write to a counsellor from a kept workbook, preview, send, read replies,
delete a conversation. Thin: sealing is in send.py, the workbook's part in threads.py."""

from __future__ import annotations

from flask import abort, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from sqlalchemy.exc import SQLAlchemyError

from .. import db
from ..curriculum import catalog
from ..i18n import current_locale
from ..privacy.headers import mark_personal
from ..workbook import store as workbook_store
from ..workbook.current import open_workbook, today
from ..workbook.store import Workbook
from . import store, visitor_bp
from .insight import count_event
from .layout import shared_entries
from .send import Draft, NoTeamKey, conversation, read_draft, send
from .threads import TooManyThreads, remove_thread, thread_keys


def _kept_workbook() -> Workbook | None:
    workbook = open_workbook()
    return workbook if workbook is not None and workbook.kept else None


@visitor_bp.before_request
def _personal() -> None:
    mark_personal()  # every page here shows something of the visitor's own, or a form for it


@visitor_bp.get("/messages")
def messages() -> ResponseReturnValue:
    workbook = _kept_workbook()
    threads = conversation(db.session(), workbook) if workbook else []
    return render_template("guided/messages.html", workbook=workbook, threads=threads,
                           nav="workbook")  # fmt: skip


def _form_page(draft: Draft, status: int = 200, error: str = "") -> ResponseReturnValue:
    workbook = _kept_workbook()
    if workbook is None:
        return redirect(url_for("guided.messages"), 303)
    modules = [m for m in catalog().modules(current_locale()) if workbook.answers.get(m.slug)]
    return render_template(
        "guided/write.html", draft=draft, modules=modules, has_check_ins=bool(workbook.check_ins),
        error=error, nav="workbook",
    ), status  # fmt: skip


@visitor_bp.get("/messages/new")
def write() -> ResponseReturnValue:
    thread = request.args.get("thread", "")
    workbook = _kept_workbook()
    if thread and (workbook is None or thread not in thread_keys(workbook)):
        abort(404)
    return _form_page(Draft(thread=thread))


@visitor_bp.post("/messages/new")
def preview_or_send() -> ResponseReturnValue:
    workbook = _kept_workbook()
    if workbook is None:
        return redirect(url_for("guided.messages"), 303)
    draft = read_draft(request.form)
    if draft.thread and draft.thread not in thread_keys(workbook):
        abort(404)
    problem = draft.problem()
    if problem:
        return _form_page(draft, 400, problem)
    action = request.form.get("action", "preview")
    if action == "edit":
        return _form_page(draft)
    message = draft.message(workbook, current_locale())
    if action != "send":
        entries = shared_entries(message, current_locale())
        return render_template("guided/preview.html", draft=draft, message=message,
                               entries=entries, nav="workbook")  # fmt: skip
    try:
        sent = send(db.session(), workbook, draft, message, today())
    except NoTeamKey:
        return _form_page(draft, 503, _("Messages cannot be sent yet: the counsellors' team has not finished setting up. Please try again later."))  # fmt: skip
    except TooManyThreads:
        return _form_page(draft, 400, _("Your workbook holds as many conversations as it can. Delete one you no longer need, then send this again."))  # fmt: skip
    except store.ThreadFull:
        return _form_page(draft, 400, _("This conversation is full. Start a new one to send this message."))  # fmt: skip
    except (workbook_store.Busy, workbook_store.TooLarge, SQLAlchemyError):
        db.session().rollback()
        return _form_page(draft, 503, _("Your message could not be sent just now. It is still here: please try again in a moment."))  # fmt: skip
    if sent.new_thread:
        count_event("opened")
    return redirect(url_for("guided.messages", _anchor=f"thread-{sent.thread_id}"), 303)


@visitor_bp.post("/messages/delete")
def delete() -> ResponseReturnValue:
    workbook = _kept_workbook() or abort(400)
    thread = request.form.get("thread", "")
    if thread not in thread_keys(workbook):
        return redirect(url_for("guided.messages"), 303)  # already deleted: nothing to do
    try:
        store.delete_threads(db.session(), [thread])
        workbook_store.change(db.session(), workbook, remove_thread(thread), today())
    except (workbook_store.Busy, SQLAlchemyError):
        db.session().rollback()
        abort(503)
    return render_template("guided/deleted.html", nav="workbook")
