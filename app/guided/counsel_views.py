"""The counsellors' pages under /counsel/: sign in, inbox by week, a conversation, reply, close."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from itertools import groupby

from flask import abort, make_response, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from sqlalchemy.exc import SQLAlchemyError

from .. import db
from ..context import settings
from ..i18n import current_locale, negotiate_locale
from ..privacy.headers import mark_personal
from ..privacy.work_gate import WORK_GATE, GateBusy
from ..weeks import iso_week, monday
from ..workbook.current import today
from . import counsel_bp, counsel_session, store
from .crypto import Unreadable, open_sealed, seal_to, unlock_team_key
from .insight import count_event, count_first_reply
from .layout import shared_entries
from .sharing import MAX_TEXT_CHARS, Message
from .team import check_login, close_session, load_team_key, open_session, server_totp_key

MAX_FIELD_CHARS = 300


@counsel_bp.before_request
def _personal() -> None:
    mark_personal()  # never cached: staff pages with what visitors shared


def signed_in(view: Callable[..., ResponseReturnValue]) -> Callable[..., ResponseReturnValue]:
    @wraps(view)
    def wrapper(**kwargs: object) -> ResponseReturnValue:
        if counsel_session.current_session() is None:
            return redirect(url_for("counsel.sign_in"), 303)
        return view(**kwargs)

    return wrapper


@counsel_bp.get("/")
def root() -> ResponseReturnValue:
    config = settings()
    lang = negotiate_locale(request.headers.get("Accept-Language"), config.locales,
                            config.default_locale)  # fmt: skip
    return redirect(url_for("counsel.inbox", lang=lang), 303)


@counsel_bp.route("/<lang>/sign-in", methods=["GET", "POST"])
def sign_in() -> ResponseReturnValue:
    if request.method == "GET":
        return render_template("counsel/sign_in.html", error="")
    # No global refusal after failures (it would let anyone lock the counsellors out): every
    # check waits for the work gate's few stretching slots, as resume and the admin page do.
    form = {name: request.form.get(name, "") for name in ("name", "password", "code", "team")}
    if any(len(value) > MAX_FIELD_CHARS for value in form.values()):
        abort(400)
    refused = _("Those details do not match. Check each one and try again.")
    locked = load_team_key(db.session())
    if locked is None:
        return render_template("counsel/sign_in.html", error=_("The team key has not been made yet: run flask counsel init-team on the server.")), 503  # fmt: skip
    try:
        with WORK_GATE.get().turn():
            ok = check_login(db.session(), form["name"], form["password"], form["code"],
                             server_totp_key(settings().secret_key))  # fmt: skip
        team_private = None
        if ok:  # Argon2id only for someone who got past the password and the code
            with WORK_GATE.get().turn():
                team_private = unlock_team_key(locked, form["team"])
    except GateBusy:
        abort(503)
    except Unreadable:
        team_private = None
    if team_private is None:
        return render_template("counsel/sign_in.html", error=refused), 400
    response = redirect(url_for("counsel.inbox"), 303)
    counsel_session.write(response, open_session(db.session(), form["name"], team_private, today()))
    return response


@counsel_bp.post("/<lang>/sign-out")
def sign_out() -> ResponseReturnValue:
    raw = counsel_session.raw_cookie()
    if raw is not None:
        close_session(db.session(), raw)
    response = make_response(render_template("counsel/signed_out.html"))
    counsel_session.clear(response)
    return response


@counsel_bp.get("/<lang>/")
@signed_in
def inbox() -> ResponseReturnValue:
    threads = store.inbox(db.session())
    weeks = [(iso_week(week), list(rows)) for week, rows in
             groupby(threads, key=lambda row: monday(row.last_message))]  # fmt: skip
    return render_template("counsel/inbox.html", weeks=weeks)


def _thread_page(thread_id: str, draft: str = "", error: str = "") -> ResponseReturnValue:
    found = store.thread(db.session(), thread_id) or abort(404)
    session = counsel_session.current_session()
    assert session is not None
    shown = []
    for item in store.messages(db.session(), thread_id):
        try:
            message = Message.from_bytes(open_sealed(session.team_private, item.to_team))
        except Unreadable:
            message = None
        entries = shared_entries(message, current_locale()) if message else []
        shown.append((item, message, entries))
    return render_template("counsel/thread.html", thread=found, shown=shown, draft=draft,
                           error=error, opened_week=iso_week(found.opened)), (400 if error else 200)  # fmt: skip


@counsel_bp.get("/<lang>/threads/<thread_id>")
@signed_in
def thread(thread_id: str) -> ResponseReturnValue:
    return _thread_page(thread_id)


@counsel_bp.post("/<lang>/threads/<thread_id>/reply")
@signed_in
def reply(thread_id: str) -> ResponseReturnValue:
    found = store.thread(db.session(), thread_id) or abort(404)
    text = request.form.get("text", "").replace("\r\n", "\n")
    if not text.strip() or len(text) > MAX_TEXT_CHARS:
        return _thread_page(thread_id, text, _("Write a reply of at most %(limit)d characters.", limit=MAX_TEXT_CHARS))  # fmt: skip
    locked = load_team_key(db.session()) or abort(503)
    plaintext = Message(text, current_locale()).to_bytes()
    sealed = (seal_to(locked.public, plaintext), seal_to(found.public_key, plaintext))
    try:
        added = store.add_message(db.session(), found, True, sealed, today())
    except store.ThreadFull:
        return _thread_page(thread_id, text, _("This conversation is full."))
    except SQLAlchemyError:
        db.session().rollback()
        abort(503)
    count_event("replied")
    if added.first_reply_days is not None:
        count_first_reply(added.first_reply_days)
    return redirect(url_for("counsel.thread", thread_id=thread_id), 303)


@counsel_bp.post("/<lang>/threads/<thread_id>/close")
@signed_in
def close(thread_id: str) -> ResponseReturnValue:
    if not store.close(db.session(), thread_id):
        abort(404)
    return redirect(url_for("counsel.inbox"), 303)
