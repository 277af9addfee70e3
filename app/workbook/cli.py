"""Deleting expired workbooks: ``flask workbook purge`` once (for cron), or ``--every SECONDS``
in a process of its own, which gunicorn's master starts and stops (deploy/gunicorn.conf.py), so
a host needs no cron job and no visitor traffic. (Not a thread in the master: gunicorn forks
workers from it at any time, and a fork while that thread holds a database lock breaks them.)"""

from __future__ import annotations

import logging
import threading

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from .. import db
from ..context import settings
from ..insight.compact import compact_counts
from . import events
from .current import today
from .retention import purge

PURGE_EVERY_SECONDS = 6 * 3600
log = logging.getLogger(__name__)


@click.group("workbook", help="Manage stored workbooks.", cls=AppGroup)
def workbook_cli() -> None:
    pass


def purge_expired() -> int:
    """Delete never-kept workbooks after a day and kept ones after the retention period, then
    rewrite the count tables in key order (PostgreSQL only: insight/compact.py). Safe to run on
    several instances at once: each deletes what is expired, once."""
    try:
        deleted = purge(db.session(), today(), settings().workbook_retention_days)
        events.purging.send(current_app._get_current_object(), today=today())  # type: ignore[attr-defined]
    finally:
        db.session().close()
    compact_counts(db.engine())
    return deleted


@workbook_cli.command(
    "purge",
    help="Delete never-kept workbooks after a day and kept ones after the retention period.",
)
@click.option(
    "--every",
    type=click.FloatRange(min=0),
    default=0,
    help="Keep running and purge again every this many seconds (0: once).",
)
def purge_command(every: float) -> None:
    if not every:
        click.echo(f"{purge_expired()} expired workbook(s) deleted.")
        return
    timer = start_purge_timer(current_app._get_current_object(), every)  # type: ignore[attr-defined]
    timer.wait()


class PurgeTimer:
    """Purges now and every ``every`` seconds in a daemon thread, until ``stop()``."""

    def __init__(self, app: Flask, every: float) -> None:
        self.app, self.every = app, every
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="rumbo-purge", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stopping.is_set():
            with self.app.app_context():
                try:
                    log.info("%d expired workbook(s) deleted", purge_expired())
                except Exception:  # keep the timer alive; the error is logged (no data in it)
                    log.exception("purging expired workbooks failed")
            self._stopping.wait(self.every)

    def wait(self) -> None:
        """Block until stopped (the ``--every`` command runs until gunicorn ends it)."""
        self._stopping.wait()

    def stop(self, timeout: float = 30.0) -> None:
        """Stop, and wait for a purge under way to finish and give its connection back."""
        self._stopping.set()
        self._thread.join(timeout)


def start_purge_timer(app: Flask, every: float = PURGE_EVERY_SECONDS) -> PurgeTimer:
    return PurgeTimer(app, every)
