"""gunicorn's production configuration for Rumbo (used by `make serve` and the Dockerfile).

No access log at all: an access line would carry the visitor's address, agent or referrer.
The error log goes through the same privacy filter as the app's own log, without timestamps.
"""

import multiprocessing
import os
import subprocess
import sys
from importlib.metadata import version

if os.geteuid() == 0 and os.environ.get("RUMBO_ALLOW_ROOT") != "1":
    # A hole in the portal would give its finder the whole machine. (The test suite, which CI
    # runs as root in a throwaway machine, sets RUMBO_ALLOW_ROOT=1; a server never should.)
    sys.exit(
        "Rumbo will not run as root: start it as the user rumbo (deploy/install.sh creates it;"
        " sudo -u rumbo make serve, or systemctl start rumbo)."
    )

bind = os.environ.get("RUMBO_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("RUMBO_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
timeout = 30
graceful_timeout = 20
keepalive = 5
max_requests = 10000  # recycle workers now and then; memory stays flat
max_requests_jitter = 1000
# Load the catalogue once in the master; workers share it through fork.
preload_app = True
limit_request_line = 4094
limit_request_fields = 60
limit_request_field_size = 8190
# gunicorn's control socket defaults to one path per user (~/.gunicorn/gunicorn.ctl): two
# instances on one host (clear web and onion, or the scale-out setup) would remove each other's.
# Rumbo does not use the control interface: it is off.
control_socket_disable = True
accesslog = None
errorlog = "-"
loglevel = os.environ.get("RUMBO_LOG_LEVEL", "info")
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"privacy": {"()": "app.privacy.logs.PrivacyFilter"}},
    "formatters": {"plain": {"format": "%(levelname)s %(name)s: %(message)s"}},
    "handlers": {
        "error_console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["privacy"],
            "stream": "ext://sys.stderr",
        },
    },
    "loggers": {
        "gunicorn.error": {"level": "INFO", "handlers": ["error_console"], "propagate": False},
        "gunicorn.access": {"level": "CRITICAL", "handlers": [], "propagate": False},
    },
    "root": {"level": "WARNING", "handlers": ["error_console"]},
}


def _where(address: str) -> str:
    """RUMBO_BIND in words. Loopback is not written as 127.0.0.1, which the privacy tests (and
    a reader) would take for a visitor's address: behind nginx, every visitor arrives from it."""
    host, _, port = address.rpartition(":")
    if host in ("127.0.0.1", "localhost", "[::1]"):
        return f"loopback, port {port} (RUMBO_BIND)"
    if host in ("0.0.0.0", "[::]", ""):  # noqa: S104
        return f"every address, port {port} (RUMBO_BIND)"
    return f"{address} (RUMBO_BIND)"


def when_ready(server):
    """Say where the portal listens (gunicorn's own line loses the address to the privacy
    filter, which cannot tell it from a visitor's), then delete expired workbooks now and every six hours, in a process of its own (not a
    thread of the master, which forks workers at any time): no cron job needed."""
    print(f"Rumbo {version('rumbo')} is ready on {_where(bind)}.", file=sys.stderr, flush=True)
    command = [sys.executable, "-m", "flask", "--app", "app", "workbook", "purge"]
    server.rumbo_purge = subprocess.Popen([*command, "--every", str(6 * 3600)])  # noqa: S603


def on_exit(server):
    purger = getattr(server, "rumbo_purge", None)
    if purger is not None and purger.poll() is None:
        purger.terminate()
        purger.wait(timeout=10)


def post_fork(server, worker):
    """Each worker opens its own database connections: none are shared across fork."""
    from app.db import ENGINE

    ENGINE.of(server.app.wsgi()).dispose(close=False)


def worker_exit(server, worker):
    """A stopping worker writes the counts it still holds (at most a few seconds' worth)."""
    from app.insight.counting import TALLY

    TALLY.of(server.app.wsgi()).flush()
