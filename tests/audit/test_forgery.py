"""A form sent from another site is refused with 403 and changes nothing."""

from __future__ import annotations

import pytest

from tests.support.visitor import MARKER, answer

pytestmark = pytest.mark.audit


@pytest.mark.parametrize(
    "headers",
    [
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site"},
        {"Origin": "https://evil.example"},
        {"Origin": "null"},
        {"Origin": "http://localhost:8080"},  # same host name, another port: another origin
        {"Origin": "http://localhost.evil.example"},
        {"Sec-Fetch-Site": None},  # neither header: an old browser, or no browser at all
    ],
)
def test_cross_site_posts_are_refused(client, headers):
    answer(client)
    client.environ_base.pop("HTTP_SEC_FETCH_SITE")  # from here on, only what the test sends
    headers = {name: value for name, value in headers.items() if value is not None}
    for url, data in (
        ("/en/m/1/1", {"thoughts.answer": "forged"}),
        ("/en/workbook/delete", {}),
        ("/en/workbook/keep", {}),
        ("/en/resume", {"passphrase": "a b c"}),
    ):
        response = client.post(url, data=data, headers=headers)
        assert response.status_code == 403, url
        assert "Set-Cookie" not in response.headers
    assert MARKER in client.get("/en/workbook/1").text  # nothing changed


@pytest.mark.parametrize(
    "headers",
    [
        {"Sec-Fetch-Site": "same-origin"},
        {"Sec-Fetch-Site": None, "Origin": "http://localhost"},  # older browsers: Origin only
        {"Sec-Fetch-Site": "none"},  # the visitor's own doing (a bookmark, a typed address)
        {"Sec-Fetch-Site": "same-origin", "Origin": "https://evil.example"},  # the newer word wins
    ],
)
def test_same_origin_posts_from_old_and_new_browsers_are_accepted(client, headers):
    client.environ_base.pop("HTTP_SEC_FETCH_SITE")
    sent = {name: value for name, value in headers.items() if value is not None}
    response = client.post("/en/m/1/1", data={"thoughts.answer": MARKER}, headers=sent)
    assert response.status_code == 303
    assert MARKER in client.get("/en/workbook/1", headers=sent).text  # saved, not just redirected


def test_same_origin_posts_are_accepted(client):
    response = client.post(
        "/en/m/1/1",
        data={"thoughts.answer": MARKER},
        headers={"Sec-Fetch-Site": "same-origin", "Origin": "http://localhost"},
    )
    assert response.status_code == 303
    assert MARKER in client.get("/en/workbook/1").text  # saved, not just redirected


def test_links_from_other_sites_still_open_pages(client):
    """Only what changes something is refused: a search engine's or a helpline's link works."""
    client.environ_base.pop("HTTP_SEC_FETCH_SITE")
    for headers in ({"Sec-Fetch-Site": "cross-site"}, {"Origin": "https://evil.example"}, {}):
        assert (
            client.get(
                "/en/modules/sample/thinking", follow_redirects=True, headers=headers
            ).status_code
            == 200
        )
        assert client.head("/en/help", headers=headers).status_code == 200
