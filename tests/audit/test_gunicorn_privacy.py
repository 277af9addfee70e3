"""The real app under gunicorn with the production config: nothing identifying in logs or database.

Walks every page of both locales with a distinctive user agent, answers exercises with a marker
sentence, keeps and resumes a workbook, then reads gunicorn's whole output and dumps the database.
"""

from __future__ import annotations

import re
import secrets
import socket
import time
from pathlib import Path

import pytest

from app.migrate import upgrade
from tests.support.gunicorn import gunicorn
from tests.support.http import HttpVisitor
from tests.support.pages import every_page
from tests.support.visitor import MARKER, dump_database

pytestmark = [pytest.mark.audit, pytest.mark.slow]
AGENT = "RumboAuditAgent/4.2 (X11; Distinctive-UA-8812)"
REFERRER = "https://referrer.example/secret-page"


def browser(base: str) -> HttpVisitor:
    return HttpVisitor(base, headers={"User-Agent": AGENT, "Referer": REFERRER})


@pytest.fixture
def production(tmp_path):
    url = f"sqlite:///{tmp_path / 'rumbo.db'}"
    upgrade(url)
    with gunicorn(tmp_path, url, secrets.token_urlsafe(48)) as instance:
        yield instance.base, url, instance.log


def test_nothing_identifying_reaches_logs_or_database(production, shipped_app):
    base, url, log = production
    visitor = browser(base)
    for path in every_page(shipped_app):
        status, _ = visitor.request(path)
        assert status in (200, 404), path
    status, page = visitor.request("/en/m/0/7", {"readiness-why.answer": MARKER})
    assert status == 200
    assert MARKER in page
    visitor.request("/es/m/1/3", {"decisional-balance.change-pros": MARKER})
    visitor.request("/en/m/0/7", {"readiness.answer": "99"})  # a 400
    visitor.request("/en/modules/x/y", {"then": "stay"})  # a 404
    status, kept = visitor.request("/en/workbook/keep", {})
    passphrase = re.search(r'class="passphrase"[^>]*><strong>([^<]+)<', kept).group(1)
    other = browser(base)
    status, _ = other.request("/en/resume", {"passphrase": passphrase})
    assert status == 200
    assert MARKER in other.request("/es/workbook/1")[1]
    other.request("/en/resume", {"passphrase": "wrong " + passphrase})
    time.sleep(0.5)

    output = log.read_text(encoding="utf-8", errors="replace")
    assert "Booting worker" in output  # the log is real and was written
    dump = dump_database(url)
    for secret in (
        "127.0.0.1",
        AGENT,
        "Distinctive-UA-8812",
        "referrer.example",
        MARKER,
        passphrase,
    ):
        assert secret not in output, secret
        assert secret.encode() not in dump, secret
    assert not re.search(r"\d{2}:\d{2}:\d{2}", output)  # no time of day in any log line
    assert Path(url.removeprefix("sqlite:///")).exists()


def test_visitor_data_that_reaches_a_log_line_is_scrubbed(production):
    """gunicorn writes a line for a malformed request, quoting what the client sent: the address
    it came from, and here an address and a user agent where the HTTP version should be."""
    base, _url, log = production
    port = int(base.rsplit(":", 1)[1])
    sent_address, sent_agent = "203.0.113.77", "Mozilla/5.0 (X11; Beacon-UA-5519) Gecko/20100101"
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(
            f"GET /en/help?from=beacon-6620 {sent_address} {sent_agent} HTTP/1.1\r\n"
            "Host: 127.0.0.1\r\n\r\n".encode()
        )
        assert connection.recv(100).startswith(b"HTTP/1.1 400")
    time.sleep(0.5)
    output = log.read_text(encoding="utf-8", errors="replace")
    assert "Invalid request from ip=-: Invalid HTTP Version" in output  # the line was written
    for secret in ("127.0.0.1", sent_address, "Beacon-UA-5519", "Mozilla", "Gecko"):
        assert secret not in output, secret
