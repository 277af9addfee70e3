"""Security headers on every response, set in one place; personal pages are never cached."""

from __future__ import annotations

import pytest

from tests.support.pages import every_page

pytestmark = pytest.mark.audit


def csp(response) -> dict[str, list[str]]:
    directives = {}
    for part in response.headers["Content-Security-Policy"].split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def assert_secure_headers(response, url):
    policy = csp(response)
    assert policy["default-src"] == ["'self'"], url
    for name in ("script-src", "style-src", "default-src"):
        assert "'unsafe-inline'" not in policy.get(name, []), url
        assert "'unsafe-eval'" not in policy.get(name, []), url
    assert policy["object-src"] == ["'none'"], url
    assert policy["base-uri"] == ["'none'"], url
    assert policy["frame-ancestors"] == ["'none'"], url
    assert policy["form-action"] == ["'self'"], url
    assert response.headers["Referrer-Policy"] == "same-origin", url
    assert response.headers["X-Content-Type-Options"] == "nosniff", url
    assert "camera=()" in response.headers["Permissions-Policy"]
    assert "geolocation=()" in response.headers["Permissions-Policy"]
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin", url
    assert response.headers["Cross-Origin-Resource-Policy"] == "same-origin", url
    server = response.headers.get("Server", "")
    assert not any(ch.isdigit() for ch in server), server


def test_every_page_has_the_security_headers(shipped_app):
    client = shipped_app.test_client()
    for url in every_page(shipped_app):
        response = client.get(url)
        assert response.status_code in (200, 302, 404), url
        assert_secure_headers(response, url)
        assert "Strict-Transport-Security" not in response.headers


def test_assets_and_errors_have_them_too(client):
    page = client.get("/en/")
    css = page.text.split('rel="stylesheet" href="')[1].split('"')[0]
    for response in (
        client.get(css),
        client.get("/healthz"),
        client.post("/en/"),
        client.get("/en/modules/x/y/z"),
    ):
        assert_secure_headers(response, response.request.path)


def test_https_hosts_send_hsts(app_factory, tmp_path, sqlite_url):
    app = app_factory(sqlite_url, tmp_path, https=True)
    response = app.test_client().get("/en/")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")


def test_personal_pages_are_no_store(client):
    for url in ("/en/workbook", "/en/workbook/plan", "/en/resume"):
        assert client.get(url).headers["Cache-Control"] == "no-store", url
    client.post("/en/m/1/1", data={"thoughts.answer": "x"})
    for url in ("/en/m/1/1", "/en/", "/en/workbook"):
        assert client.get(url).headers["Cache-Control"] == "no-store", url


def test_assets_are_cached_for_long(client):
    page = client.get("/en/").text
    js = page.split('<script src="')[1].split('"')[0]
    response = client.get(js)
    assert response.status_code == 200
    assert "immutable" in response.headers["Cache-Control"]
    assert client.get("/assets/rumbo.000000000000.js").status_code == 404
