"""deploy/nginx/ as a host installs it, in front of a real gunicorn: it answers what it should,
refuses what it should, and afterwards no log of nginx or gunicorn holds a visitor's address,
user agent or requested path (docs/privacy.md, "What the server keeps")."""

from __future__ import annotations

import re
import secrets
import socket
import ssl
import subprocess

import pytest

from tests.support.apps import missing
from tests.support.gunicorn import gunicorn
from tests.support.network import free_port
from tests.support.nginx import (
    INSTALLED,
    install_shipped,
    nginx_binary,
    nginx_command,
    running,
    self_signed,
)

pytestmark = pytest.mark.slow

VISITOR = "127.0.0.2"  # the test's visitor connects from here, an address nothing else uses
AGENT = "Mozilla/5.0 (X11; Linux x86_64) RumboProbe/7.3"
PATH = "/es/trail-4b1d9e"
HOST = "ayuda.example.org"


@pytest.fixture(autouse=True)
def _needs_nginx():
    if nginx_binary() is None:
        missing("nginx (Debian package nginx)")


def ask(port: int, raw: bytes, tls_name: str | None = None) -> bytes:
    """Send ``raw`` from the visitor's address; the whole answer, b"" if none."""
    connection = socket.create_connection(
        ("127.0.0.1", port), timeout=10, source_address=(VISITOR, 0)
    )
    try:
        if tls_name is not None:
            context = ssl.create_default_context()
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
            context.set_alpn_protocols(["http/1.1"])
            connection = context.wrap_socket(connection, server_hostname=tls_name)
        connection.sendall(raw)
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
        return answer
    finally:
        connection.close()


def get(path: str, host: str = HOST, agent: str = AGENT) -> bytes:
    return (
        f"GET {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: {agent}\r\n"
        f"Referer: https://elsewhere.example{PATH}\r\nConnection: close\r\n\r\n"
    ).encode()


def gzipped(path: str, cookie: str = "") -> bytes:
    extra = f"Cookie: {cookie}\r\n" if cookie else ""
    return (
        f"GET {path} HTTP/1.1\r\nHost: {HOST}\r\nAccept-Encoding: gzip\r\n{extra}"
        "Connection: close\r\n\r\n"
    ).encode()


def head(answer: bytes) -> bytes:
    return answer.split(b"\r\n\r\n")[0].lower()


def test_nginx_accepts_every_shipped_file_together(tmp_path):
    site = install_shipped(
        tmp_path / "nginx", list(INSTALLED)[1:], {}, self_signed(tmp_path / "cert")
    )
    checked = subprocess.run(nginx_command(site, "-t"), capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    assert "test is successful" in checked.stderr
    assert "warn" not in checked.stderr


def test_the_shipped_front_keeps_no_trace_of_visitors(tmp_path, sqlite_url):
    down = f"127.0.0.1:{free_port()}"  # an instance that is not running
    with gunicorn(tmp_path / "one", sqlite_url, secrets.token_urlsafe(48)) as instance:
        site = install_shipped(
            tmp_path / "nginx",
            ["catch-all.conf", "rumbo.conf", "rumbo-upstream.conf", "rumbo-onion.conf"],
            {
                "127.0.0.1:8000": f"{down};\n    server 127.0.0.1:{instance.port}",
                "127.0.0.1:8001": down,  # the onion instance is down
            },
            self_signed(tmp_path / "cert"),
        )
        with running(site):
            page = ask(site.https, get("/es/"), tls_name=HOST)
            assert page.startswith(b"HTTP/1.1 200"), page[:200]
            headers = page.split(b"\r\n\r\n")[0].lower()
            assert b"\r\nserver: nginx\r\n" in headers  # no version, not gunicorn's
            assert ask(site.https, get(PATH), tls_name=HOST).startswith(b"HTTP/1.1 404")
            # A name that is not the portal's: nothing, over HTTP and over HTTPS.
            assert ask(site.http, get(PATH, host="scanner.example")) == b""
            with pytest.raises(ssl.SSLError):
                ask(site.https, get(PATH, host="scanner.example"), tls_name="scanner.example")
            assert ask(site.https, get(PATH, host="scanner.example"), HOST) == b""
            # Plain HTTP for the portal's name only sends to HTTPS.
            moved = ask(site.http, get(PATH))
            assert moved.startswith(b"HTTP/1.1 301"), moved[:200]
            # Malformed requests.
            assert ask(site.https, f"BREW {PATH}\x01 HTTP/1.1\r\n\r\n".encode(), HOST).startswith(
                b"HTTP/1.1 400"
            )
            huge = get(PATH).replace(b"Connection", b"X-Pad: " + b"a" * 20000 + b"\r\nConnection")
            assert ask(site.https, huge, HOST).startswith(b"HTTP/1.1 400")
            # Compression: public pages and the style sheet gzipped (by the portal, passed on);
            # never a page asked for with a cookie, which may show the visitor's words.
            assert b"content-encoding: gzip" in head(ask(site.https, gzipped("/es/"), HOST))
            css = re.search(rb'href="(/assets/[^"]+\.css)"', page).group(1).decode()
            assert b"content-encoding: gzip" in head(ask(site.https, gzipped(css), HOST))
            for personal in ("/es/workbook", "/es/", "/es/workbook/check-ins"):
                answer = ask(site.https, gzipped(personal, cookie="rumbo=abc"), HOST)
                assert answer.startswith(b"HTTP/1.1 200"), answer[:200]
                assert b"content-encoding" not in head(answer), personal
            # The onion block, with its instance down: an error page, no log line.
            gone = ask(site.onion, get(PATH, host="abcdefghij.onion"))
            assert gone.startswith(b"HTTP/1.1 502"), gone[:200]
        logs = site.logs() + instance.log.read_text()
    for trace in (VISITOR, "RumboProbe", "trail-4b1d9e", "elsewhere.example"):
        assert trace not in logs, f"{trace!r} found in a log:\n{logs}"
