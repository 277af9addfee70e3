"""The portal under a real gunicorn with the production configuration, on a loopback port."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.support.apps import ROOT, SHIPPED_CONTENT
from tests.support.network import free_port


@dataclass(frozen=True)
class Instance:
    base: str  # http://127.0.0.1:<port>
    port: int
    log: Path  # gunicorn's whole output (error log; there is no access log)


@contextmanager
def gunicorn(
    folder: Path,
    database_url: str,
    secret_key: str,
    workers: int = 2,
    extra_env: Mapping[str, str] | None = None,
) -> Iterator[Instance]:
    """Start `gunicorn --config deploy/gunicorn.conf.py` in production; stop it on exit."""
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    env = {
        **os.environ,
        "RUMBO_SECRET_KEY": secret_key,
        "DATABASE_URL": database_url,
        "RUMBO_BIND": f"127.0.0.1:{port}",
        "RUMBO_WORKERS": str(workers),
        "RUMBO_INSTANCE_DIR": str(folder / "instance"),
        "RUMBO_CONTENT_DIR": str(SHIPPED_CONTENT),
        "RUMBO_ALLOW_ROOT": "1",  # CI runs as root; deploy/gunicorn.conf.py refuses it otherwise
        **(extra_env or {}),
    }
    env.pop("RUMBO_ENV", None)  # production
    log = folder / "gunicorn.log"
    with open(log, "wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--config", "deploy/gunicorn.conf.py", "app:create_app()"],
            cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            _wait_for_port(port, process, log)
            yield Instance(f"http://127.0.0.1:{port}", port, log)
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=30)


def _wait_for_port(port: int, process: subprocess.Popen, log: Path, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            assert process.poll() is None, log.read_text()
            time.sleep(0.2)
    raise AssertionError(f"gunicorn did not listen on {port} within {seconds:.0f} s")


def wait_for_first_purge(instance: Instance, seconds: float = 60) -> None:
    """Wait until the purge process gunicorn's master starts when ready (deploy/gunicorn.conf.py
    ``when_ready``) has deleted what was expired at start: until then it may delete, at any
    moment, rows a test has just made expired."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        output = instance.log.read_text(encoding="utf-8", errors="replace")
        assert "purging expired workbooks failed" not in output, output
        if "expired workbook(s) deleted" in output:
            return
        time.sleep(0.2)
    raise AssertionError(f"the purge at start did not log within {seconds:.0f} s: {instance.log}")
