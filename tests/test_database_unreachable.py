"""A database the portal cannot use stops `flask db upgrade`, gunicorn and every `flask` command
with one line that names DATABASE_URL and the cause, never a traceback or the password."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys

import pytest
from sqlalchemy.engine import make_url

from tests.support.apps import ROOT, SHIPPED_CONTENT, missing
from tests.support.network import free_port
from tests.support.postgres import PostgresServer

pytestmark = pytest.mark.slow

COMMANDS = {
    "db upgrade": [sys.executable, "-m", "flask", "--app", "app", "db", "upgrade"],
    "workbook purge": [sys.executable, "-m", "flask", "--app", "app", "workbook", "purge"],
    "gunicorn": [sys.executable, "-m", "gunicorn", "--config", "deploy/gunicorn.conf.py",
                 "app:create_app()"],
}  # fmt: skip


def start(command: str, url: str, tmp_path) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "RUMBO_SECRET_KEY": secrets.token_urlsafe(48),
        "RUMBO_INSTANCE_DIR": str(tmp_path / "instance"),
        "RUMBO_CONTENT_DIR": str(SHIPPED_CONTENT),
        "RUMBO_BIND": f"127.0.0.1:{free_port()}",
        "RUMBO_ALLOW_ROOT": "1",
    }
    env.pop("RUMBO_ENV", None)  # production
    return subprocess.run(
        COMMANDS[command], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def assert_one_line(result: subprocess.CompletedProcess, *causes: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr
    assert "hunter2" not in result.stderr + result.stdout
    [line] = [line for line in result.stderr.splitlines() if "DATABASE_URL" in line]
    assert any(cause in line for cause in causes), line
    others = [line for line in result.stderr.splitlines() if "DATABASE_URL" not in line]
    assert others in ([], ["Rumbo did not start: fix the problems above."]), result.stderr


DOWN = "postgresql+psycopg://rumbo:hunter2@127.0.0.1:{port}/rumbo"


@pytest.mark.parametrize(
    ("command", "url", "cause"),
    [
        *(pytest.param(c, DOWN, "Connection refused", id=f"{c}-server-down") for c in COMMANDS),
        pytest.param("db upgrade", "rumbo@localhost/rumbo", "Could not parse", id="not-a-url"),
        pytest.param(
            "db upgrade",
            "postgress://rumbo:hunter2@localhost/rumbo",
            "Can't load plugin",
            id="typo",
        ),
    ],
)
def test_an_unusable_database_is_one_line(command, url, cause, tmp_path):
    assert_one_line(start(command, url.format(port=free_port()), tmp_path), cause)


@pytest.mark.postgres
@pytest.mark.parametrize("command", ["db upgrade", "gunicorn"])
def test_a_role_the_server_refuses_is_one_line(command, postgres_url, tmp_path):
    refused = make_url(postgres_url).set(username="rumbo", password="hunter2")
    result = start(command, refused.render_as_string(hide_password=False), tmp_path)
    assert_one_line(result, 'role "rumbo" does not exist')


@pytest.mark.postgres
@pytest.mark.parametrize(
    ("auth_host", "cause"),
    [
        ("reject", "pg_hba.conf rejects connection"),  # a pg_hba.conf that refuses this client
        ("scram-sha-256", "no password supplied"),  # DATABASE_URL without the password
    ],
)
def test_a_server_that_refuses_the_login_is_one_line(auth_host, cause, tmp_path):
    server = PostgresServer(auth_host=auth_host)
    if not server.available:
        missing("PostgreSQL (Debian package postgresql)")
    url = server.start()
    try:
        assert_one_line(start("db upgrade", url, tmp_path), cause)
    finally:
        server.stop()
