"""Guided support as tests drive it: the host's commands, a counsellor signing in, a visitor
writing from a kept workbook. Everything through the flask CLI and the pages."""

from __future__ import annotations

import re

import pyotp

TEAM_PASSPHRASE = "correct horse battery staple team"
PASSWORD = "counsellor password 1234"
SECRET_MESSAGE = "Quokka-marker message 5521 that only the team may read"


def enable(app_config: dict | None = None) -> dict:
    return {"guided": {"enabled": True, **(app_config or {})}}


def set_up_team(app, name: str = "ana") -> str:
    """``flask counsel init-team`` and ``add-user``: returns the counsellor's TOTP secret."""
    runner = app.test_cli_runner()
    made = runner.invoke(args=["counsel", "init-team", "--passphrase", TEAM_PASSPHRASE])
    assert made.exit_code == 0 or "a team key exists" in made.output, made.output
    added = runner.invoke(args=["counsel", "add-user", name, "--password", PASSWORD])
    assert added.exit_code == 0, added.output
    return re.search(r"secret: ([A-Z2-7]+)", added.output).group(1)


def sign_in(client, totp_secret: str, name: str = "ana", lang: str = "en", **changes):
    form = {"name": name, "password": PASSWORD, "code": pyotp.TOTP(totp_secret).now(),
            "team": TEAM_PASSPHRASE, **changes}  # fmt: skip
    return client.post(f"/counsel/{lang}/sign-in", data=form)


def send_message(client, lang="en", text=SECRET_MESSAGE, modules=("sample",), check_ins=False,
                 thread=""):  # fmt: skip
    data = {"text": text, "module": list(modules), "action": "send"}
    if check_ins:
        data["check_ins"] = "yes"
    if thread:
        data["thread"] = thread
    return client.post(f"/{lang}/messages/new", data=data)


def thread_ids(page_text: str) -> list[str]:
    return re.findall(r'id="thread-([0-9a-f]{32})"', page_text)


def inbox_thread_ids(page_text: str) -> list[str]:
    return re.findall(r"/threads/([0-9a-f]{32})", page_text)


def walk(app, lang: str = "en") -> dict[str, object]:
    """Every guided page, as a visitor and a counsellor reach them (the team set up first):
    label -> response. For audits that must cover each of them."""
    secret = set_up_team(app, name=f"walker-{lang}")
    visitor, counsellor = app.test_client(), app.test_client()
    pages: dict[str, object] = {"messages (no workbook)": visitor.get(f"/{lang}/messages")}
    from tests.support.visitor import answer, keep

    answer(visitor, lang)
    keep(visitor, lang)
    pages["messages (none yet)"] = visitor.get(f"/{lang}/messages")
    pages["write"] = visitor.get(f"/{lang}/messages/new")
    pages["write (an error)"] = visitor.post(f"/{lang}/messages/new", data={"text": " "})
    pages["preview"] = visitor.post(
        f"/{lang}/messages/new", data={"text": "Hello", "module": "sample", "action": "preview"}
    )
    send_message(visitor, lang, text="Hello")
    pages["messages (a conversation)"] = visitor.get(f"/{lang}/messages")
    (thread,) = thread_ids(pages["messages (a conversation)"].text)
    pages["write again"] = visitor.get(f"/{lang}/messages/new?thread={thread}")
    pages["sign-in"] = counsellor.get(f"/counsel/{lang}/sign-in")
    pages["sign-in (refused)"] = sign_in(counsellor, secret, name=f"walker-{lang}", lang=lang,
                                         code="000000")  # fmt: skip
    sign_in(counsellor, secret, name=f"walker-{lang}", lang=lang)
    pages["inbox"] = counsellor.get(f"/counsel/{lang}/")
    pages["thread"] = counsellor.get(f"/counsel/{lang}/threads/{thread}")
    pages["thread (an error)"] = counsellor.post(
        f"/counsel/{lang}/threads/{thread}/reply", data={"text": ""}
    )
    counsellor.post(f"/counsel/{lang}/threads/{thread}/reply", data={"text": "Hi"})
    pages["messages (a reply)"] = visitor.get(f"/{lang}/messages")
    pages["signed out"] = counsellor.post(f"/counsel/{lang}/sign-out")
    pages["deleted"] = visitor.post(f"/{lang}/messages/delete", data={"thread": thread})
    return pages


def visitor_with_a_conversation(app, text: str = SECRET_MESSAGE):
    """A visitor who answered, kept their workbook and sent one message: (client, thread id)."""
    from tests.support.visitor import answer, keep

    visitor = app.test_client()
    answer(visitor)
    keep(visitor)
    assert send_message(visitor, text=text).status_code == 303
    (thread,) = thread_ids(visitor.get("/en/messages").text)
    return visitor, thread
