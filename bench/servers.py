"""Throwaway servers on loopback for the benchmark: gunicorn (production config) and nginx.

Each starts in a temporary folder, on a free 127.0.0.1 port, and is stopped by its own process
id when the ``with`` block ends. Nothing here touches the host's own nginx or instance/.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.support.nginx import nginx as support_nginx
from tests.support.nginx import round_robin

ROOT = Path(__file__).resolve().parent.parent
GUNICORN_CONFIG = ROOT / "deploy" / "gunicorn.conf.py"


def ensure_tool(command: str, package: str) -> str:
    """The path of ``command``; installs Debian's ``package`` first when missing and root."""
    found = shutil.which(command) or shutil.which(command, path="/usr/sbin:/usr/bin")
    if found:
        return found
    if os.geteuid() != 0:
        sys.exit(f"bench: {command} is missing: run `apt-get install -y {package}` as root")
    print(f"bench: installing {package} from Debian's packages", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = ["apt-get", "install", "-y", "--no-install-recommends", package]
    if subprocess.run(install, env=env, stdout=subprocess.DEVNULL).returncode != 0:
        subprocess.run(["apt-get", "update"], env=env, stdout=subprocess.DEVNULL, check=True)
        subprocess.run(install, env=env, stdout=subprocess.DEVNULL, check=True)
    found = shutil.which(command) or shutil.which(command, path="/usr/sbin:/usr/bin")
    if not found:
        sys.exit(f"bench: {package} was installed but {command} is not on the PATH")
    return found


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url: str, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (OSError, urllib.error.URLError):
            time.sleep(0.1)
    raise RuntimeError(f"no answer from {url} within {seconds:.0f} s")


def children(pid: int) -> list[int]:
    """Process ids whose parent is ``pid`` (gunicorn's workers, for its master)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # The command name is in parentheses and may hold spaces: split after its last ")".
        fields = stat.rpartition(")")[2].split()
        if int(fields[1]) == pid:
            found.append(int(entry.name))
    return sorted(found)


def memory_kib(pid: int) -> dict[str, int]:
    """VmRSS (resident, shared pages counted in full) and Pss (shared pages divided) in KiB."""
    values = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            values["rss"] = int(line.split()[1])
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                values["pss"] = int(line.split()[1])
    except OSError:
        pass
    return values


class Gunicorn:
    """bench/hello_app.py under deploy/gunicorn.conf.py, with a fresh migrated SQLite file."""

    def __init__(
        self,
        folder: Path,
        content_dir: Path | None = None,
        extra_args=(),
        database_url: str | None = None,
        secret_key: str | None = None,
    ) -> None:
        self.folder, self.content_dir, self.extra_args = folder, content_dir, tuple(extra_args)
        # SQLite in its own folder by default; instances of one portal share a database and key.
        self.database_url = database_url or f"sqlite:///{folder / 'rumbo.db'}"
        self.secret_key = secret_key or secrets.token_urlsafe(48)
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None
        self.log = folder / "gunicorn.log"

    def env(self) -> dict[str, str]:
        env = {
            **os.environ,
            "RUMBO_SECRET_KEY": self.secret_key,
            "DATABASE_URL": self.database_url,
            "RUMBO_BIND": f"127.0.0.1:{self.port}",
            "RUMBO_INSTANCE_DIR": str(self.folder / "instance"),
            "RUMBO_LOG_LEVEL": "warning",
            "RUMBO_ALLOW_ROOT": "1",  # benchmarks may run as root on a throwaway machine
        }
        env.pop("RUMBO_ENV", None)  # production
        env.pop("RUMBO_WORKERS", None)  # the production default: 2 x CPUs + 1
        if self.content_dir:
            env["RUMBO_CONTENT_DIR"] = str(self.content_dir)
        return env

    def start(self) -> Gunicorn:
        from app.migrate import upgrade

        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / "instance").mkdir(exist_ok=True)
        # The load test saves as fast as it can: lift the flood guard on new workbooks.
        (self.folder / "instance" / "rumbo.toml").write_text("new_workbooks_per_minute = 1000000\n")
        upgrade(self.database_url)
        command = [sys.executable, "-m", "gunicorn", "--config", str(GUNICORN_CONFIG)]
        command += [*self.extra_args, "bench.hello_app:app"]
        with open(self.log, "wb") as output:
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=self.env(), stdout=output, stderr=subprocess.STDOUT
            )
        try:
            wait_for(self.base + "/healthz", 300)
            expected = os.cpu_count() * 2 + 1
            deadline = time.monotonic() + 30
            while len(self.workers()) < expected and time.monotonic() < deadline:
                time.sleep(0.1)
        except RuntimeError:
            self.stop()
            raise RuntimeError(f"gunicorn did not start; see {self.log}") from None
        return self

    def workers(self) -> list[int]:
        """gunicorn's workers (not the purge process the master also starts)."""
        pids = children(self.process.pid) if self.process else []
        return [pid for pid in pids if b"flask" not in Path(f"/proc/{pid}/cmdline").read_bytes()]

    def worker_memory(self) -> list[dict[str, int]]:
        return [memory_kib(pid) for pid in self.workers()]

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def __enter__(self) -> Gunicorn:
        return self.start()

    def __exit__(self, *_exc) -> None:
        self.stop()


@contextmanager
def nginx(files: dict[str, bytes]) -> Iterator[str]:
    """A throwaway nginx serving ``files`` from its own temporary folder; yields its address."""
    ensure_tool("nginx", "nginx")
    with support_nginx("        root {prefix}/www;", files=files) as server:
        yield server.base


@contextmanager
def nginx_round_robin(*bases: str) -> Iterator[str]:
    """A throwaway nginx sharing requests in turn between gunicorn instances at ``bases``."""
    ensure_tool("nginx", "nginx")
    http, server = round_robin(*(base.removeprefix("http://") for base in bases))
    with support_nginx(server, http=http) as front:
        yield front.base
