"""The real app under gunicorn with the production config: nothing identifying in logs or database.

Walks every page of both locales with a distinctive user agent, answers exercises with a marker
sentence, keeps and resumes a workbook, then reads gunicorn's whole output and dumps the database.
"""

from __future__ import annotations

import http.cookiejar
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from app.migrate import upgrade
from tests.support.apps import ROOT, SHIPPED_CONTENT
from tests.support.network import free_port
from tests.support.pages import every_page
from tests.support.visitor import MARKER, dump_database

pytestmark = [pytest.mark.audit, pytest.mark.slow]
AGENT = "RumboAuditAgent/4.2 (X11; Distinctive-UA-8812)"
REFERRER = "https://referrer.example/secret-page"


class Browser:
    def __init__(self, base: str) -> None:
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def request(self, path: str, form: dict | None = None) -> tuple[int, str]:
        data = urllib.parse.urlencode(form, doseq=True).encode() if form is not None else None
        request = urllib.request.Request(
            self.base + path,
            data=data,
            headers={"User-Agent": AGENT, "Referer": REFERRER, "Origin": self.base},
        )
        try:
            with self.opener.open(request, timeout=20) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()


@pytest.fixture
def gunicorn(tmp_path):
    url = f"sqlite:///{tmp_path / 'rumbo.db'}"
    upgrade(url)
    port = free_port()
    env = {
        **os.environ,
        "RUMBO_SECRET_KEY": secrets.token_urlsafe(48),
        "DATABASE_URL": url,
        "RUMBO_BIND": f"127.0.0.1:{port}",
        "RUMBO_WORKERS": "2",
        "RUMBO_INSTANCE_DIR": str(tmp_path / "instance"),
        "RUMBO_CONTENT_DIR": str(SHIPPED_CONTENT),
    }
    env.pop("RUMBO_ENV", None)  # production
    log = tmp_path / "gunicorn.log"
    with open(log, "wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--config", "deploy/gunicorn.conf.py", "app:create_app()"],
            cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT,
        )  # fmt: skip
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert process.poll() is None, log.read_text()
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}", url, log
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)


def test_nothing_identifying_reaches_logs_or_database(gunicorn, shipped_app):
    base, url, log = gunicorn
    visitor = Browser(base)
    for path in every_page(shipped_app):
        status, _ = visitor.request(path)
        assert status in (200, 404), path
    status, page = visitor.request("/en/modules/start/ready", {"readiness-why.answer": MARKER})
    assert status == 200
    assert MARKER in page
    visitor.request("/es/modules/motivation/balance", {"decisional-balance.change-pros": MARKER})
    visitor.request("/en/modules/start/ready", {"readiness.answer": "99"})  # a 400
    visitor.request("/en/modules/x/y", {"then": "stay"})  # a 404
    status, kept = visitor.request("/en/workbook/keep", {})
    passphrase = re.search(r'class="passphrase"[^>]*><strong>([^<]+)<', kept).group(1)
    other = Browser(base)
    status, workbook = other.request("/en/resume", {"passphrase": passphrase})
    assert status == 200
    assert MARKER in workbook
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
