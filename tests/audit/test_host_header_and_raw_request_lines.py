"""A forged Host header cannot send a visitor elsewhere, and a malformed request line never
reaches a log word for word: the redirects the portal makes itself (such as the slash added to
``/en``) are relative, and every quoted request line is scrubbed whole. nginx's catch-all
server (deploy/) is the second layer: it answers only the host's own name."""

from __future__ import annotations

import contextlib
import logging
import secrets
import socket
import time

import pytest

from app.migrate import upgrade
from app.privacy.logs import PrivacyFilter, scrub
from tests.support.gunicorn import gunicorn

pytestmark = pytest.mark.audit
BEACON = "victim-42"


@pytest.mark.parametrize("path", ["/en", "/es/modules", "/en/modules/sample"])
def test_a_forged_host_never_appears_in_a_redirect(client, path):
    response = client.get(path, headers={"Host": "evil.example"})
    assert response.status_code in (301, 308), path
    location = response.headers["Location"]
    assert location.startswith("/"), location
    assert not location.startswith("//"), location
    assert "evil.example" not in location


@pytest.mark.parametrize(
    "line",
    [
        # Werkzeug's access line and its complaints about a request it cannot parse
        f'"GARBAGE /{BEACON} HTTP/1.1" 400 -',
        f'"{BEACON}" 400 -',
        f"code 400, message Bad request syntax ('XX {BEACON} HTTP/1.1')",
        f"code 400, message Bad request version ('{BEACON}')",
        f"code 501, message Unsupported method ('{BEACON}')",
        # gunicorn's
        f"Invalid request from ip=-: Invalid HTTP request line: 'GET{BEACON}'",
        f"Invalid request from ip=-: Invalid HTTP method: '{BEACON}'",
        f"Invalid request from ip=-: Invalid HTTP Version: 'HTTP/1.1{BEACON}'",
    ],
)
def test_a_malformed_request_line_is_scrubbed_whole(line):
    assert BEACON not in scrub(line), scrub(line)
    record = logging.LogRecord("gunicorn.error", logging.INFO, __file__, 1, line, (), None)
    PrivacyFilter().filter(record)
    assert BEACON not in record.getMessage()


def send_raw(port: int, raw: bytes) -> None:
    with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
        connection.sendall(raw)
        with contextlib.suppress(OSError):
            connection.recv(4096)


@pytest.mark.slow
def test_gunicorn_logs_no_malformed_request_line(tmp_path):
    url = f"sqlite:///{tmp_path / 'rumbo.db'}"
    upgrade(url)
    with gunicorn(tmp_path, url, secrets.token_urlsafe(48)) as instance:
        port = int(instance.base.rsplit(":", 1)[1].strip("/"))
        for raw in (
            f"GARBAGE /{BEACON} HTTP/1.1\r\nHost: x\r\n\r\n",
            f"GET /{BEACON} HTTP/9.{BEACON}\r\nHost: x\r\n\r\n",
            f"G\x01T /{BEACON} HTTP/1.1\r\n\r\n",
            f"GET{BEACON}\r\n\r\n",
        ):
            send_raw(port, raw.encode("latin-1"))
        time.sleep(0.5)
        output = instance.log.read_text(encoding="utf-8", errors="replace")
    assert "Booting worker" in output
    assert BEACON not in output
