"""A visitor shares answers from a kept workbook with the counsellors and reads the reply, and
only sealed bytes ever reach the database or the logs. Once on SQLite, once on PostgreSQL."""

from __future__ import annotations

import logging

from app.db import ENGINE
from tests.support.guided import (
    SECRET_MESSAGE,
    inbox_thread_ids,
    send_message,
    sign_in,
    thread_ids,
    visitor_with_a_conversation,
)
from tests.support.visitor import MARKER, answer, dump_database, keep

REPLY = "Okapi-marker reply 8830 meant for one workbook only"


def test_share_reply_and_read_only_in_that_workbook(guided_app, totp_secret, caplog):
    caplog.set_level(logging.DEBUG)
    url = ENGINE.of(guided_app).url.render_as_string(hide_password=False)
    visitor = guided_app.test_client()
    answer(visitor)  # MARKER into the sample module's "thoughts"
    passphrase = keep(visitor)

    preview = visitor.post("/en/messages/new", data={"text": SECRET_MESSAGE, "module": "sample",
                                                      "action": "preview"})  # fmt: skip
    assert preview.status_code == 200
    assert SECRET_MESSAGE in preview.text
    assert MARKER in preview.text  # exactly what is shared
    assert preview.headers["Cache-Control"] == "no-store"
    sent = send_message(visitor)
    assert sent.status_code == 303
    (thread,) = thread_ids(visitor.get("/en/messages").text)

    stored = dump_database(url)
    assert SECRET_MESSAGE.encode() not in stored
    assert MARKER.encode() not in stored

    counsellor = guided_app.test_client()
    assert sign_in(counsellor, totp_secret).status_code == 303
    inbox = counsellor.get("/counsel/en/")
    assert inbox.headers["Cache-Control"] == "no-store"
    assert inbox_thread_ids(inbox.text) == [thread]
    opened = counsellor.get(f"/counsel/en/threads/{thread}")
    assert SECRET_MESSAGE in opened.text
    assert MARKER in opened.text  # the shared answer, laid out under its prompt
    replied = counsellor.post(f"/counsel/en/threads/{thread}/reply", data={"text": REPLY})
    assert replied.status_code == 303
    assert REPLY.encode() not in dump_database(url)

    assert REPLY in visitor.get("/en/messages").text

    stranger = guided_app.test_client()  # another workbook, kept too
    answer(stranger)
    keep(stranger)
    assert REPLY not in stranger.get("/en/messages").text
    assert stranger.get(f"/en/messages/new?thread={thread}").status_code == 404

    without_key = guided_app.test_client()  # the same workbook's thread id, but no workbook key
    assert REPLY not in without_key.get("/en/messages").text

    again = guided_app.test_client()  # the same workbook, opened with its passphrase
    assert again.post("/en/resume", data={"passphrase": passphrase}).status_code == 303
    assert REPLY in again.get("/en/messages").text

    logged = "\n".join(record.getMessage() for record in caplog.records)
    for secret in (SECRET_MESSAGE, MARKER, REPLY):
        assert secret not in logged
    assert SECRET_MESSAGE.encode() not in dump_database(url)


def test_deleting_the_workbook_deletes_its_threads(guided_app, totp_secret):
    url = ENGINE.of(guided_app).url.render_as_string(hide_password=False)
    visitor = guided_app.test_client()
    answer(visitor)
    keep(visitor)
    send_message(visitor)
    other = guided_app.test_client()
    answer(other)
    keep(other)
    send_message(other, text="another visitor's message")
    counsellor = guided_app.test_client()
    sign_in(counsellor, totp_secret)
    assert len(inbox_thread_ids(counsellor.get("/counsel/en/").text)) == 2

    assert visitor.post("/en/workbook/delete", data={"confirm": "yes"}).status_code == 200

    assert len(inbox_thread_ids(counsellor.get("/counsel/en/").text)) == 1
    # the other visitor's thread is untouched
    assert (
        "another visitor"
        in counsellor.get(
            f"/counsel/en/threads/{inbox_thread_ids(counsellor.get('/counsel/en/').text)[0]}"
        ).text
    )
    assert SECRET_MESSAGE.encode() not in dump_database(url)


def test_the_visitor_deletes_a_conversation(guided_app, totp_secret):
    visitor, thread = visitor_with_a_conversation(guided_app)
    deleted = visitor.post("/en/messages/delete", data={"thread": thread})
    assert deleted.status_code == 200
    assert thread_ids(visitor.get("/en/messages").text) == []
    counsellor = guided_app.test_client()
    sign_in(counsellor, totp_secret)
    assert inbox_thread_ids(counsellor.get("/counsel/en/").text) == []


def test_a_new_passphrase_keeps_the_conversations(guided_app, totp_secret):
    visitor, thread = visitor_with_a_conversation(guided_app)
    counsellor = guided_app.test_client()
    sign_in(counsellor, totp_secret)
    counsellor.post(f"/counsel/en/threads/{thread}/reply", data={"text": REPLY})
    phrase = keep(visitor, replace=True)  # the workbook moves under new keys
    assert REPLY in visitor.get("/en/messages").text
    again = guided_app.test_client()
    again.post("/en/resume", data={"passphrase": phrase})
    assert REPLY in again.get("/en/messages").text


def test_ticks_about_past_offences_are_never_shared(app_factory, sqlite_url, tmp_path):
    """A private answer (the after-offence checklist) stays on its page: sharing the module that
    holds it seals the module's other answers for the counsellors, never that one."""
    from app.curriculum import CATALOG
    from app.guided.send import Draft
    from app.workbook.crypto import new_keys
    from app.workbook.current import server_keys
    from app.workbook.store import Workbook
    from tests.support.apps import SHIPPED_CONTENT
    from tests.support.guided import enable

    app = app_factory(sqlite_url, tmp_path, content=SHIPPED_CONTENT, **enable())
    module = next(m for m in CATALOG.of(app).modules("en") if m.slug == "staying-on-track")
    exercises = [e for step in module.steps for e in step.exercises]
    private = [e.id for e in exercises if e.private]
    public = next(e.id for e in exercises if not e.private)
    assert "after-offence-next" in private
    answers = {module.slug: {**{key: {"options": [0]} for key in private}, public: "shared"}}
    with app.test_request_context("/en/messages/new"):
        workbook = Workbook(new_keys(server_keys()), answers, kept=True)
        sealed = Draft(SECRET_MESSAGE, (module.slug,)).message(workbook, "en")
    assert sealed.answers == {module.slug: {public: "shared"}}
