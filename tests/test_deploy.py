"""The production pieces as shipped in deploy/ (and the Dockerfile), run for real where this
machine can: entrypoint, health check, gunicorn config, systemd units, install script, compose."""

from __future__ import annotations

import os
import re
import secrets
import shutil
import stat
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

import pytest
import yaml

from tests.support.apps import ROOT, missing, table_names

pytestmark = pytest.mark.slow
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]


def test_entrypoint_runs_the_migration_it_is_given_and_only_that(tmp_path):
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
    assert not table_names(url), "a container start migrated: it must be compose's 'migrate' only"
    migrate = [
        "sh",
        "deploy/entrypoint.sh",
        "python",
        "-m",
        "flask",
        "--app",
        "app",
        "db",
        "upgrade",
    ]
    result = subprocess.run(migrate, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
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
        ["sh", "deploy/entrypoint.sh", "python", "-m", "flask", "--app", "app", "db", "upgrade"],
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


def test_gunicorn_runs_without_a_shared_control_socket(monkeypatch):
    """Two instances on one host must not remove each other's ~/.gunicorn/gunicorn.ctl."""
    import runpy

    monkeypatch.setenv("RUMBO_ALLOW_ROOT", "1")
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


def as_nobody(command: list[str]) -> list[str]:
    """Run ``command`` as an unprivileged user, as the container's uid 10001 would be."""
    return ["runuser", "-u", "nobody", "--", *command] if os.geteuid() == 0 else command


def test_entrypoint_says_how_to_fix_an_instance_folder_it_cannot_write(tmp_path):
    """A root-owned folder mounted as instance/, as `docker run -v` gives it to uid 10001."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "instance"
        folder.mkdir()
        os.chmod(tmp, 0o755)
        folder.chmod(0o755 if os.geteuid() == 0 else 0o555)  # writable by its owner only
        env = {"PATH": os.environ["PATH"], "RUMBO_INSTANCE_DIR": str(folder)}
        result = subprocess.run(
            as_nobody(["sh", str(ROOT / "deploy/entrypoint.sh"), "echo", "started"]),
            env=env, capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        folder.chmod(0o755)
    assert result.returncode == 1
    assert "started" not in result.stdout
    [line] = result.stderr.splitlines()
    assert "is not writable by uid" in line
    assert "chown -R" in line
    fine = subprocess.run(
        ["sh", str(ROOT / "deploy/entrypoint.sh"), "echo", "started"],
        env={**env, "RUMBO_INSTANCE_DIR": str(tmp_path / "instance")},
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert fine.stdout == "started\n", fine.stderr


def test_the_health_check_follows_rumbo_bind(tmp_path, sqlite_url):
    from tests.support.gunicorn import gunicorn
    from tests.support.network import free_port

    def check(bind: str) -> subprocess.CompletedProcess:
        env = {**os.environ, "RUMBO_BIND": bind}
        return subprocess.run(
            [sys.executable, str(ROOT / "deploy/healthcheck.py")],
            env=env, capture_output=True, text=True, timeout=30,
        )  # fmt: skip

    with gunicorn(tmp_path / "g", sqlite_url, secrets.token_urlsafe(48), workers=1) as instance:
        assert check(f"0.0.0.0:{instance.port}").returncode == 0
        assert check(f"127.0.0.1:{instance.port}").returncode == 0
        ready = f"Rumbo {VERSION} is ready on loopback, port {instance.port} (RUMBO_BIND)."
        assert ready in instance.log.read_text()  # not gunicorn's "Listening at: http://-:port"
    refused = check(f"0.0.0.0:{free_port()}")
    assert refused.returncode == 1
    assert refused.stderr.startswith("unhealthy:")
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert 'CMD ["python", "deploy/healthcheck.py"]' in dockerfile
    assert ":8000/healthz" not in dockerfile


def test_the_image_has_a_fixed_uid_and_gid():
    text = (ROOT / "Dockerfile").read_text()
    assert "groupadd --system --gid 10001 rumbo" in text
    assert "useradd --system --uid 10001 --gid 10001" in text


def test_gunicorn_and_make_serve_refuse_to_run_as_root(tmp_path):
    if os.geteuid() != 0:
        pytest.skip("needs root, as CI has: the refusal is about running as root")
    env = {k: v for k, v in os.environ.items() if k != "RUMBO_ALLOW_ROOT"}
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "--config",
        "deploy/gunicorn.conf.py",
        "app:create_app()",
    ]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "Rumbo will not run as root: start it as the user rumbo (deploy/install.sh creates it;"
        " sudo -u rumbo make serve, or systemctl start rumbo)."
    ]
    make = subprocess.run(
        ["make", "serve", f"VENV={tmp_path / 'venv'}"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert make.returncode != 0
    assert "Rumbo will not run as root" in make.stderr
    assert not (tmp_path / "venv").exists()  # refused before installing anything


UNITS = sorted((ROOT / "deploy" / "systemd").glob("*.service"))


@pytest.mark.parametrize("unit", UNITS, ids=lambda p: p.name)
def test_systemd_units_are_sandboxed_and_verify(unit, tmp_path):
    text = unit.read_text()
    for line in (
        "User=rumbo", "Group=rumbo", "ProtectSystem=strict", "NoNewPrivileges=yes",
        "PrivateTmp=yes", "ReadWritePaths=/srv/rumbo/instance", "Wants=postgresql.service",
    ):  # fmt: skip
        assert re.search(rf"^{re.escape(line)}$", text, re.M), line
    assert re.search(r"^After=.*\bpostgresql\.service\b", text, re.M)
    assert "Environment=RUMBO_INSTANCE_DIR=/srv/rumbo/instance" in text  # work-slots/ is in it
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed (Debian package systemd)")
    # This checkout (with its .venv) stands for /srv/rumbo.
    installed = tmp_path / unit.name
    installed.write_text(text.replace("/srv/rumbo", str(ROOT)))
    result = subprocess.run([analyze, "verify", str(installed)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "", result.stderr


def test_install_script_makes_a_private_instance_folder_once(tmp_path):
    env = {"PATH": os.environ["PATH"], "RUMBO_HOME": str(tmp_path), "RUMBO_INSTANCE_ONLY": "1"}
    script = ["sh", str(ROOT / "deploy" / "install.sh")]
    subprocess.run(script, env=env, check=True, capture_output=True, timeout=60)
    config = tmp_path / "instance" / "rumbo.toml"
    assert stat.S_IMODE((tmp_path / "instance").stat().st_mode) == 0o700
    assert stat.S_IMODE(config.stat().st_mode) == 0o600
    first = config.read_text()
    settings = tomllib.loads(first)
    assert len(settings["secret_key"]) >= 32
    assert settings["database_url"] == "postgresql+psycopg://rumbo@/rumbo?host=/var/run/postgresql"
    config.chmod(0o644)
    subprocess.run(script, env=env, check=True, capture_output=True, timeout=60)
    assert config.read_text() == first  # run again: the secret key is kept
    assert stat.S_IMODE(config.stat().st_mode) == 0o600


def test_install_script_passes_the_shells_syntax_check():
    subprocess.run(["sh", "-n", str(ROOT / "deploy" / "install.sh")], check=True)


def test_compose_runs_rumbo_on_postgresql_and_migrates_once_per_deployment():
    compose = yaml.safe_load((ROOT / "deploy" / "compose.yaml").read_text())
    services = compose["services"]
    assert set(services) == {"db", "migrate", "rumbo"}
    assert services["db"]["image"].startswith("postgres:")
    assert services["db"]["healthcheck"]["test"][:2] == ["CMD", "pg_isready"]
    migrate, rumbo = services["migrate"], services["rumbo"]
    assert migrate["command"] == ["flask", "--app", "app", "db", "upgrade"]
    assert migrate["depends_on"] == {"db": {"condition": "service_healthy"}}
    assert migrate["restart"] == "no"
    assert rumbo["depends_on"] == {"migrate": {"condition": "service_completed_successfully"}}
    assert "command" not in rumbo  # the image's gunicorn; the entrypoint does not migrate
    for service in (migrate, rumbo):
        assert service["environment"]["DATABASE_URL"].startswith("postgresql+psycopg://rumbo:")
        assert "@db:5432/rumbo" in service["environment"]["DATABASE_URL"]
        assert service["volumes"] == ["/srv/rumbo/instance:/srv/rumbo/instance"]
        assert service["logging"] == {"driver": "none"}
    assert all(port.startswith("127.0.0.1:") for port in rumbo["ports"])
    docker = shutil.which("docker")
    if (
        docker
        and subprocess.run([docker, "compose", "version"], capture_output=True).returncode == 0
    ):
        env = {**os.environ, "RUMBO_DB_PASSWORD": "x" * 24}
        checked = subprocess.run(
            [docker, "compose", "-f", "deploy/compose.yaml", "config", "--quiet"],
            cwd=ROOT, env=env, capture_output=True, text=True,
        )  # fmt: skip
        assert checked.returncode == 0, checked.stderr


def test_the_torrc_turns_on_the_onion_service_defences_and_tor_accepts_it(tmp_path):
    text = (ROOT / "deploy" / "tor" / "torrc").read_text()
    for line in (
        "HiddenServiceEnableIntroDoSDefense 1",
        "HiddenServicePoWDefensesEnabled 1",
        "HiddenServiceMaxStreamsCloseCircuit 1",
        "SocksPort 0",
    ):
        assert re.search(rf"^{line}$", text, re.M), line
    tor = shutil.which("tor") or shutil.which("tor", path="/usr/sbin:/usr/bin")
    if tor is None:
        missing("tor (Debian package tor)")
    torrc = tmp_path / "torrc"
    torrc.write_text(text.replace("/var/lib/tor/rumbo/", f"{tmp_path / 'onion'}/"))
    checked = subprocess.run(
        [tor, "--verify-config", "-f", str(torrc), "--DataDirectory", str(tmp_path / "data")],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert checked.returncode == 0, checked.stdout
    assert "Configuration was valid" in checked.stdout


def listens(path: str, pattern: str) -> set[str]:
    return set(re.findall(pattern, (ROOT / "deploy" / path).read_text(), re.M))


def test_the_shipped_files_point_at_each_other():
    """Tor -> nginx's onion block -> the onion instance; nginx's upstream -> the main instance."""
    assert listens("tor/torrc", r"^HiddenServicePort 80 (\S+)$") == listens(
        "nginx/rumbo-onion.conf", r"^\s*listen (\S+);$"
    )
    assert listens("nginx/rumbo-onion.conf", r"^\s*server (\S+);$") == listens(
        "systemd/rumbo-onion.service", r"^Environment=RUMBO_BIND=(\S+)$"
    )
    assert listens("nginx/rumbo-upstream.conf", r"^\s*server (\S+);$") == listens(
        "systemd/rumbo.service", r"^Environment=RUMBO_BIND=(\S+)$"
    )
    onion = (ROOT / "deploy" / "systemd" / "rumbo-onion.service").read_text()
    assert "Environment=RUMBO_HTTPS=false" in onion
    assert "db upgrade" not in onion  # migrations: rumbo.service only


def test_docs_deploy_installs_every_shipped_file():
    """The documentation shows how to install each file in deploy/, not a copy of its text."""
    text = (ROOT / "docs" / "deploy.md").read_text()
    shipped = [p for p in (ROOT / "deploy").rglob("*") if p.is_file() and p.suffix != ".pyc"]
    for path in shipped:
        if path.name in {"entrypoint.sh", "healthcheck.py"}:  # the Dockerfile's own
            continue
        assert f"deploy/{path.relative_to(ROOT / 'deploy')}" in text, path
    assert "server_name ayuda.example.org;" not in text  # no pasted server block to drift
    assert "/srv/rumbo" in text
    assert "git clone <this repository> /srv/rumbo" in text
    readme = (ROOT / "README.md").read_text()
    assert readme.index("make run") < readme.index("make test") < readme.index("## Self-hosting")
    assert "git clone <this repository> /srv/rumbo" in readme
    assert "python3-venv" in readme
    assert "python3-venv" in text


def test_the_documented_upgrade_sequence_succeeds_on_the_shipped_content(tmp_path):
    """docs/deploy.md's upgrade runs these with `set -e` in mind: each must exit 0 as shipped."""
    text = (ROOT / "docs" / "deploy.md").read_text()
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'rumbo.db'}",
        "RUMBO_SECRET_KEY": secrets.token_urlsafe(48),
        "RUMBO_INSTANCE_DIR": str(tmp_path / "instance"),
    }
    env.pop("RUMBO_ENV", None)  # production
    env.pop("RUMBO_CONTENT_DIR", None)  # the shipped content
    flask = [sys.executable, "-m", "flask", "--app", "app"]
    sequence = [
        ["backup", "create", str(tmp_path / "before.rumbo-backup")],
        ["db", "upgrade"],
        ["content", "check", "--strict"],
    ]
    subprocess.run([*flask, "db", "upgrade"], cwd=ROOT, env=env, check=True, capture_output=True)
    for step in sequence:
        assert f"flask --app app {' '.join(step[:2])}" in text, step
        done = subprocess.run(
            [*flask, *step], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
        )
        assert done.returncode == 0, f"{step}: {done.stdout}{done.stderr}"
