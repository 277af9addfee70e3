"""The production pieces that Docker would run, tested without Docker: entrypoint and gunicorn config."""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.apps import ROOT, table_names

pytestmark = pytest.mark.slow


def test_entrypoint_upgrades_the_schema_then_runs_the_command(tmp_path):
    url = f"sqlite:///{tmp_path / 'rumbo.db'}"
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "RUMBO_SECRET_KEY": secrets.token_urlsafe(48),
        "RUMBO_INSTANCE_DIR": str(tmp_path / "instance"),
        "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}",
    }
    env.pop("RUMBO_ENV", None)
    result = subprocess.run(
        ["sh", "deploy/entrypoint.sh", "python", "-c", "print('command ran')"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "command ran" in result.stdout
    assert {"workbooks", "daily_counts", "weekly_answers"} <= table_names(url)


def test_entrypoint_stops_without_a_secret_key(tmp_path):
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}",
        "RUMBO_INSTANCE_DIR": str(tmp_path),
    }
    env.pop("RUMBO_ENV", None)
    env.pop("RUMBO_SECRET_KEY", None)
    env["PATH"] = f"{Path(sys.executable).parent}:{os.environ['PATH']}"
    result = subprocess.run(
        ["sh", "deploy/entrypoint.sh", "true"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "secret_key: is required in production" in result.stderr
    assert "Traceback" not in result.stderr


def test_gunicorn_config_keeps_no_access_log_and_no_addresses():
    text = (ROOT / "deploy" / "gunicorn.conf.py").read_text()
    assert re.search(r"^accesslog = None$", text, re.M)
    assert not re.search(r"%\((h|a|f|t|r)\)s", text)  # address, agent, referrer, time, request line
    assert '"filters": ["privacy"]' in text


def test_dockerfile_runs_as_non_root_with_healthcheck():
    text = (ROOT / "Dockerfile").read_text()
    assert "USER rumbo" in text
    assert "HEALTHCHECK" in text
    assert "/healthz" in text
    assert 'ENTRYPOINT ["deploy/entrypoint.sh"]' in text
    assert "pybabel --quiet compile" in text


def test_gunicorn_runs_without_a_shared_control_socket():
    """Two instances on one host must not remove each other's ~/.gunicorn/gunicorn.ctl."""
    import runpy

    from gunicorn.config import Config

    config = Config()
    for name, value in runpy.run_path(str(ROOT / "deploy" / "gunicorn.conf.py")).items():
        if name in config.settings:  # as gunicorn reads a configuration file
            config.set(name, value)
    assert config.control_socket_disable is True


def test_the_dockerfile_installs_dependencies_before_copying_the_code():
    lines = (ROOT / "Dockerfile").read_text().splitlines()
    copy_app = next(i for i, line in enumerate(lines) if line.startswith("COPY app"))
    install = next(i for i, line in enumerate(lines) if "pip install -c constraints.txt" in line)
    assert install < copy_app


def make_dry_run(target: str, tmp_path) -> str:
    """What `make <target>` would run on a machine with no virtual environment yet."""
    done = subprocess.run(
        ["make", "-n", target, f"VENV={tmp_path / 'venv'}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def test_make_serve_installs_no_test_tools_and_migrates_as_production(tmp_path):
    serve = make_dry_run("serve", tmp_path)
    assert ".[postgres]" in serve
    assert ".[test]" not in serve
    upgrade = next(line for line in serve.splitlines() if "db upgrade" in line)
    assert "RUMBO_ENV=development" not in upgrade
    assert ".[test]" in make_dry_run("test", tmp_path)
