"""`flask db upgrade` brings the schema up to date even when the content cannot load: a broken
module must never block a host's upgrade (the app itself still refuses to start on it)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.support.apps import FIXTURE_CONTENT, table_names


def flask(*args: str, content, tmp_path, **env_changes: str | None) -> subprocess.CompletedProcess:
    """``flask --app app ...`` in a fresh process; ``env_changes`` set (or, as None, remove)
    environment variables."""
    env: dict[str, str] = {
        **os.environ,
        "RUMBO_ENV": "development",
        "RUMBO_CONTENT_DIR": str(content),
        "RUMBO_INSTANCE_DIR": str(tmp_path / "instance"),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'rumbo.db'}",
    }
    for name, value in env_changes.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return subprocess.run(
        [sys.executable, "-m", "flask", "--app", "app", *args],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("state", ["empty", "broken"])
def test_db_upgrade_works_whatever_the_content(tmp_path, state):
    content = tmp_path / "content"
    if state == "empty":
        content.mkdir()
    else:
        import shutil

        shutil.copytree(FIXTURE_CONTENT, content)
        module = content / "en" / "01-sample.md"
        module.write_text(module.read_text().replace("type: balance", "type: slider"))
    done = flask("db", "upgrade", content=content, tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "workbooks" in table_names(f"sqlite:///{tmp_path / 'rumbo.db'}")
    refused = flask("content", "check", content=content, tmp_path=tmp_path)
    assert refused.returncode != 0  # the app itself still refuses this content
    assert "Traceback" not in refused.stderr


def test_db_upgrade_in_production_needs_the_secret_key_and_says_so(tmp_path):
    done = flask(
        "db", "upgrade", content=FIXTURE_CONTENT, tmp_path=tmp_path,
        RUMBO_ENV="production", RUMBO_SECRET_KEY=None, DATABASE_URL=None,
    )  # fmt: skip
    assert done.returncode != 0
    assert "secret_key" in done.stderr
    assert "Traceback" not in done.stderr
