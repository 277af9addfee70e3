"""Every guided page, visitor's and counsellor's: the security headers, never cached, valid
HTML, forms from another site refused. With the feature off, none of them exists."""

from __future__ import annotations

import json
import subprocess

import pytest

from tests.audit.test_headers import assert_secure_headers
from tests.audit.test_valid_html import vnu_command
from tests.support.guided import (
    enable,
    set_up_team,
    sign_in,
    thread_ids,
    visitor_with_a_conversation,
    walk,
)
from tests.support.visitor import answer, keep

pytestmark = pytest.mark.audit

GUIDED_ROUTES = (
    ("GET", "/en/messages"),
    ("GET", "/en/messages/new"),
    ("POST", "/en/messages/new"),
    ("POST", "/en/messages/delete"),
    ("GET", "/counsel/"),
    ("GET", "/counsel/en/"),
    ("GET", "/counsel/en/sign-in"),
    ("POST", "/counsel/en/sign-in"),
    ("POST", "/counsel/en/sign-out"),
    ("GET", "/counsel/en/threads/" + "0" * 32),
    ("POST", "/counsel/en/threads/" + "0" * 32 + "/reply"),
    ("POST", "/counsel/en/threads/" + "0" * 32 + "/close"),
)


@pytest.fixture
def guided(app_factory, sqlite_url, tmp_path):
    return app_factory(sqlite_url, tmp_path, **enable())


def test_with_the_feature_off_none_of_its_routes_exist(app):
    assert "guided" not in app.blueprints
    assert "counsel" not in app.blueprints
    assert not [rule.rule for rule in app.url_map.iter_rules() if "counsel" in rule.rule]
    client = app.test_client()
    answer(client)
    keep(client)
    for method, path in GUIDED_ROUTES:
        assert client.open(path, method=method).status_code == 404, path
    assert "/en/messages" not in client.get("/en/workbook").text
    assert app.test_cli_runner().invoke(args=["counsel", "list-users"]).exit_code != 0


def test_with_the_feature_on_they_do(guided):
    client = guided.test_client()
    for method, path in GUIDED_ROUTES:
        assert client.open(path, method=method).status_code != 404 or "threads" in path, path


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_guided_page_has_the_headers_and_is_never_cached(guided, lang):
    for label, response in walk(guided, lang).items():
        assert response.status_code in (200, 303, 400), label
        assert_secure_headers(response, label)
        assert response.headers["Cache-Control"] == "no-store", label
        assert "Set-Cookie" not in response.headers or label == "signed out", label


def test_the_counsellor_cookie_is_the_staff_cookie_only_for_counsel_pages(guided):
    secret = set_up_team(guided)
    signed = sign_in(guided.test_client(), secret)
    cookie = signed.headers["Set-Cookie"]
    assert cookie.startswith("rumbo-counsel=")
    assert "Path=/counsel/" in cookie
    assert "HttpOnly" in cookie
    assert "SameSite=Strict" in cookie
    assert "Expires" not in cookie


@pytest.mark.parametrize("headers", [{"Sec-Fetch-Site": "cross-site"}, {}])
def test_forms_from_another_site_are_refused(guided, headers):
    secret = set_up_team(guided)
    visitor, thread = visitor_with_a_conversation(guided)
    counsellor = guided.test_client()
    sign_in(counsellor, secret)
    stranger = guided.test_client()
    for client in (visitor, counsellor, stranger):
        client.environ_base.pop("HTTP_SEC_FETCH_SITE")
    for client, path, data in (
        (visitor, "/en/messages/new", {"text": "forged", "action": "send"}),
        (visitor, "/en/messages/delete", {"thread": thread}),
        (counsellor, f"/counsel/en/threads/{thread}/reply", {"text": "forged"}),
        (counsellor, f"/counsel/en/threads/{thread}/close", {}),
        (counsellor, "/counsel/en/sign-out", {}),
        (stranger, "/counsel/en/sign-in", {"name": "ana"}),
    ):
        assert client.post(path, data=data, headers=headers).status_code == 403, path
    for client in (visitor, counsellor):
        client.environ_base["HTTP_SEC_FETCH_SITE"] = "same-origin"
    assert thread_ids(visitor.get("/en/messages").text) == [thread]
    assert "forged" not in counsellor.get(f"/counsel/en/threads/{thread}").text


@pytest.mark.slow
def test_every_guided_page_is_valid_html(guided, tmp_path):
    files = {}
    for lang in ("en", "es"):
        for label, response in walk(guided, lang).items():
            if response.mimetype == "text/html" and response.status_code != 303:
                file = tmp_path / f"{lang}-{len(files)}.html"
                file.write_text(response.text, encoding="utf-8")
                files[str(file)] = f"{lang} {label}"
    done = subprocess.run(
        [*vnu_command(), "--errors-only", "--format", "json", *files],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    messages = json.loads(done.stderr or done.stdout or '{"messages": []}')["messages"]
    problems = [
        f"{files.get(m.get('url', '').removeprefix('file:'), m.get('url'))}: {m['message']}"
        for m in messages
        if m.get("type") == "error"
    ]
    assert problems == [], "\n".join(problems[:40])
    assert len(files) > 20
