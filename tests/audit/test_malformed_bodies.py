"""A request body gunicorn cannot read (a malformed or cut-off chunked body) is the sender's
error: a 400 page in their language, and not a word about it in the log (issue 29's hardening).
Before, gunicorn's exception reached the app as it read the form: a 500 and a traceback."""

from __future__ import annotations

import secrets
import socket
import time

import pytest

from app.migrate import upgrade
from tests.support.gunicorn import gunicorn

pytestmark = [pytest.mark.audit, pytest.mark.slow]
BEACON = "victim-42"
BODIES = {
    "a chunk size that is not a number": f"5\r\na=b&c\r\nzz{BEACON}\r\nxx\r\n0\r\n\r\n",
    "a chunk without its line end": f"5\r\na=b&c{BEACON}\r\n0\r\n\r\n",
    "cut off before the last chunk": "5\r\na=b&c\r\n",
}


def post_raw(port: int, path: str, body: str) -> bytes:
    request = (
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nSec-Fetch-Site: same-origin\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n"
        f"{body}"
    )
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(request.encode())
        connection.shutdown(socket.SHUT_WR)  # the cut-off body ends here
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    return answer


def test_a_malformed_chunked_body_gets_a_400_in_the_visitors_language_and_no_log_line(tmp_path):
    url = f"sqlite:///{tmp_path / 'rumbo.db'}"
    upgrade(url)
    with gunicorn(tmp_path, url, secrets.token_urlsafe(48), workers=1) as instance:
        time.sleep(0.5)
        logged_before = instance.log.read_text(encoding="utf-8", errors="replace")
        for name, body in BODIES.items():
            for path, heading in (
                ("/es/m/1/1", b"No se ha podido entender la solicitud"),
                ("/en/resume", b"That request could not be understood"),
            ):
                answer = post_raw(instance.port, path, body)
                assert answer.startswith(b"HTTP/1.1 400 "), (name, path, answer[:200])
                assert heading in answer, (name, path)
        time.sleep(0.5)
        logged = instance.log.read_text(encoding="utf-8", errors="replace")
    added = logged.removeprefix(logged_before)
    assert "Traceback" not in added, added
    assert "Chunk" not in added, added
    assert BEACON not in logged
