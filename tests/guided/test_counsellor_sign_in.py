"""Counsellors sign in with a password, a TOTP code and the team passphrase; failures are
never lock anyone out; signing out makes the session cookie worthless, even copied."""

from __future__ import annotations

import pytest

from tests.support.guided import sign_in

pytestmark = pytest.mark.usefixtures("totp_secret")


def test_counsellor_pages_need_a_session(guided_app):
    client = guided_app.test_client()
    for path in ("/counsel/en/", "/counsel/en/threads/" + "a" * 32):
        response = client.get(path)
        assert response.status_code == 303, path
        assert response.headers["Location"].endswith("/counsel/en/sign-in")
    assert client.post("/counsel/en/threads/" + "a" * 32 + "/reply").status_code == 303
    assert client.get("/counsel/").status_code == 303


@pytest.mark.parametrize(
    "wrong",
    [
        {"password": "not the password at all"},
        {"code": "123456"},
        {"team": "not the team one"},
        {"name": "nobody"},
    ],
)
def test_each_factor_is_checked(guided_app, totp_secret, wrong):
    client = guided_app.test_client()
    refused = sign_in(client, totp_secret, **wrong)
    assert refused.status_code == 400
    assert "Set-Cookie" not in refused.headers
    assert client.get("/counsel/en/").status_code == 303


def test_signing_out_ends_the_session_even_for_a_copied_cookie(guided_app, totp_secret):
    client = guided_app.test_client()
    assert sign_in(client, totp_secret).status_code == 303
    copied = client.get_cookie("rumbo-counsel", path="/counsel/").value
    assert client.get("/counsel/en/").status_code == 200
    assert client.post("/counsel/en/sign-out").status_code == 200
    thief = guided_app.test_client()
    thief.set_cookie("rumbo-counsel", copied, path="/counsel/")
    assert thief.get("/counsel/en/").status_code == 303


def test_a_forged_cookie_opens_nothing(guided_app, totp_secret):
    client = guided_app.test_client()
    sign_in(client, totp_secret)
    value = client.get_cookie("rumbo-counsel", path="/counsel/").value
    client.set_cookie("rumbo-counsel", value[:-4] + "AAAA", path="/counsel/")
    assert client.get("/counsel/en/").status_code == 303
    client.set_cookie("rumbo-counsel", "%%%", path="/counsel/")
    assert client.get("/counsel/en/").status_code == 303


def test_failed_sign_ins_never_lock_the_counsellors_out(guided_app, totp_secret):
    """Many wrong attempts wait their turn at the work gate; they never refuse the right one."""
    client = guided_app.test_client()
    for _ in range(12):
        assert sign_in(client, totp_secret, code="000000").status_code == 400
    assert sign_in(client, totp_secret).status_code == 303


def test_removing_a_counsellor_ends_their_sessions(guided_app, totp_secret):
    client = guided_app.test_client()
    sign_in(client, totp_secret)
    result = guided_app.test_cli_runner().invoke(args=["counsel", "remove-user", "ana"])
    assert result.exit_code == 0, result.output
    assert client.get("/counsel/en/").status_code == 303
    assert sign_in(guided_app.test_client(), totp_secret).status_code == 400
