"""A link someone sends a visitor cannot break a page or leave a beacon in a log."""

from __future__ import annotations

import logging

import pytest

from app.privacy.logs import PrivacyFilter, scrub
from tests.support.visitor import answer

pytestmark = pytest.mark.audit
BEACON = "victim-42"


@pytest.mark.parametrize(
    "url",
    [
        f"/en/help?_method=POST&tracking={BEACON}",
        f"/en/privacy?name=x&tracking={BEACON}",
        f"/es/safety?name=privacy&lang=xx&tracking={BEACON}",
        f"/en/m/1/1?slug=nope&step_id=x&tracking={BEACON}",
        f"/en/workbook/plan.md?kind=x&tracking={BEACON}",
        f"/en/help?country=ES&_anchor=x&_external=1&tracking={BEACON}",
    ],
)
def test_crafted_query_arguments_never_break_a_page(client, url, caplog):
    answer(client)
    with caplog.at_level(logging.INFO):
        response = client.get(url)
    assert response.status_code in (200, 404), url
    assert "Content-Security-Policy" in response.headers
    assert BEACON not in response.text
    assert BEACON not in caplog.text


def test_the_language_switch_keeps_only_what_the_page_reads(client):
    page = client.get("/en/help?country=ES&tracking=victim-42").text
    assert 'href="/es/help?country=ES"' in page


@pytest.mark.parametrize(
    "line",
    [
        f"Error handling request GET /en/help?x=1&tracking={BEACON}",
        f"Error handling request /en/help?tracking={BEACON}",
        f'"POST /en/resume?tracking={BEACON} HTTP/1.1" 400',
        # The development server colours lines that are not 200: the escape code sits right
        # before the method.
        f'"\x1b[33mPOST /en/check-in?tracking={BEACON} HTTP/1.1\x1b[0m" 303 -',
        f'"\x1b[31m\x1b[1mGET /en/x?tracking={BEACON} HTTP/1.1\x1b[0m" 404 -',
    ],
)
def test_requested_addresses_never_reach_a_log_line(line):
    assert BEACON not in scrub(line)
    record = logging.LogRecord("gunicorn.error", logging.ERROR, __file__, 1, line, (), None)
    PrivacyFilter().filter(record)
    assert BEACON not in record.getMessage()
