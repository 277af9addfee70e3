"""The portal compresses public pages itself, and never a page with anything of the visitor's
own: a compressed page's size would tell a guess at its content (BREACH; issue 28)."""

from __future__ import annotations

import gzip

from tests.support.visitor import MARKER, answer

GZIP = {"Accept-Encoding": "gzip, deflate, br"}


def test_a_public_page_is_compressed_for_a_browser_that_accepts_gzip(client):
    page = client.get("/en/m/1/1", headers=GZIP)
    assert page.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in page.headers["Vary"]
    assert b"</html>" in gzip.decompress(page.data)
    assert "Content-Encoding" not in client.get("/en/m/1/1").headers  # asked for plain


def test_a_browser_that_refuses_gzip_gets_the_page_plain(client):
    assert (
        "Content-Encoding"
        not in client.get("/en/", headers={"Accept-Encoding": "gzip;q=0"}).headers
    )


def test_no_page_asked_for_with_the_workbook_cookie_is_compressed(client):
    assert answer(client).status_code == 303
    for address in (
        "/en/m/1/1",
        "/en/workbook",
        "/en/workbook/1",
        "/en/workbook/check-ins",
        "/en/",
    ):
        page = client.get(address, headers=GZIP)
        assert page.status_code == 200, address
        assert "Content-Encoding" not in page.headers, address
    assert MARKER in client.get("/en/m/1/1", headers=GZIP).text


def test_a_personal_page_without_a_cookie_is_not_compressed_either(client):
    page = client.get("/en/workbook", headers=GZIP)  # marked personal: no workbook, still
    assert page.headers["Cache-Control"] == "no-store"
    assert "Content-Encoding" not in page.headers


def test_an_answer_sent_back_with_its_problem_is_not_compressed(client):
    sent = client.post("/en/m/1/1", data={"thoughts.answer": "x" * 100_000}, headers=GZIP)
    assert sent.status_code >= 400
    assert "Content-Encoding" not in sent.headers
