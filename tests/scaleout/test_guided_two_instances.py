"""Guided support on two real gunicorn instances (2 workers each) on one PostgreSQL: a visitor
writes on one, a counsellor signed in on the other reads and replies from either, the visitor
reads the reply anywhere; no plaintext reaches either instance's log or the database."""

from __future__ import annotations

import re
import secrets

import pyotp
import pytest

from app.migrate import upgrade
from tests.conftest import _reset_postgres
from tests.scaleout.test_two_instances import answer, passphrase_from, reflections
from tests.support.apps import SHIPPED_CONTENT, built_app
from tests.support.guided import PASSWORD, TEAM_PASSPHRASE, enable, set_up_team
from tests.support.gunicorn import gunicorn
from tests.support.http import HttpVisitor
from tests.support.visitor import dump_database

pytestmark = [pytest.mark.slow, pytest.mark.postgres]
MESSAGE = "Numbat-marker message 3141 sent through instance A"
REPLY = "Wombat-marker reply 2718 written on instance B"


@pytest.fixture(scope="module")
def guided_portal(postgres_url, tmp_path_factory):
    _reset_postgres(postgres_url)
    upgrade(postgres_url)
    folder = tmp_path_factory.mktemp("guided-two-instances")
    key = secrets.token_urlsafe(48)
    with built_app(postgres_url, folder / "host", content=SHIPPED_CONTENT, secret_key=key,
                   **enable()) as host:  # fmt: skip
        secret = set_up_team(host)  # as the host would, with the instances' secret key
    config = folder / "rumbo.toml"
    config.write_text("[insight]\nflush_seconds = 0\n[guided]\nenabled = true\n")
    extra = {"RUMBO_CONFIG": str(config)}
    with (
        gunicorn(folder / "a", postgres_url, key, extra_env=extra) as a,
        gunicorn(folder / "b", postgres_url, key, extra_env=extra) as b,
    ):
        yield a.base, b.base, postgres_url, (a.log, b.log), secret


def test_write_on_one_instance_reply_on_the_other(guided_portal):
    a, b, url, logs, secret = guided_portal
    visitor = HttpVisitor(a)
    assert answer(visitor, reflections(1)[0], "an answer to share", base=a) == 200
    status, kept = visitor.request("/en/workbook/keep", {}, base=a)
    phrase = passphrase_from(kept)
    form = {"text": MESSAGE, "module": reflections(1)[0][0], "action": "send"}
    status, page = visitor.request("/en/messages/new", form, base=a)
    assert status == 200
    (thread,) = re.findall(r'id="thread-([0-9a-f]{32})"', page)

    counsellor = HttpVisitor(b)
    sign_in = {"name": "ana", "password": PASSWORD, "code": pyotp.TOTP(secret).now(),
               "team": TEAM_PASSPHRASE}  # fmt: skip
    status, inbox = counsellor.request("/counsel/en/sign-in", sign_in, base=b)
    assert status == 200
    assert thread in inbox
    for base in (a, b, a, b):  # any worker of any instance opens the session's team key
        status, opened = counsellor.request(f"/counsel/en/threads/{thread}", base=base)
        assert status == 200
        assert MESSAGE in opened
        assert "an answer to share" in opened
    status, _ = counsellor.request(f"/counsel/en/threads/{thread}/reply", {"text": REPLY}, base=b)
    assert status == 200

    for base in (a, b):
        status, messages = visitor.request("/en/messages", base=base)
        assert REPLY in messages
    elsewhere = HttpVisitor(b)
    status, _ = elsewhere.request("/en/resume", {"passphrase": phrase}, base=b)
    assert REPLY in elsewhere.request("/en/messages", base=b)[1]

    stored = dump_database(url)
    written = b"".join(log.read_bytes() for log in logs)
    for secret_text in (MESSAGE, REPLY, "an answer to share", TEAM_PASSPHRASE):
        assert secret_text.encode() not in stored
        assert secret_text.encode() not in written

    status, _ = counsellor.request("/counsel/en/sign-out", {}, base=a)
    assert status == 200
    status, page = counsellor.request(f"/counsel/en/threads/{thread}", base=b)
    assert MESSAGE not in page  # signed out on A: B opens nothing either

    status, _ = elsewhere.request("/en/workbook/delete", {"confirm": "yes"}, base=a)
    assert status == 200
    counsellor.request("/counsel/en/sign-in", {**sign_in, "code": pyotp.TOTP(secret).now()},
                       base=a)  # fmt: skip
    status, inbox = counsellor.request("/counsel/en/", base=b)
    assert thread not in inbox
