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
    assert MARKER in client.get("/en/workbook").text  # nothing changed


@pytest.mark.parametrize(
    "headers",
    [
        {"Sec-Fetch-Site": "same-origin"},
        {"Sec-Fetch-Site": None, "Origin": "http://localhost"},  # older browsers: Origin only
    ],
)
def test_same_origin_posts_from_old_and_new_browsers_are_accepted(client, headers):
    client.environ_base.pop("HTTP_SEC_FETCH_SITE")
    sent = {name: value for name, value in headers.items() if value is not None}
    response = client.post("/en/m/1/1", data={"thoughts.answer": "x"}, headers=sent)
    assert response.status_code == 303


def test_same_origin_posts_are_accepted(client):
    response = client.post(
        "/en/m/1/1",
        data={"thoughts.answer": "mine"},
        headers={"Sec-Fetch-Site": "same-origin", "Origin": "http://localhost"},
    )
    assert response.status_code == 303
