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
from .current import today
from .store import purge

PURGE_EVERY_SECONDS = 6 * 3600
log = logging.getLogger(__name__)


@click.group("workbook", help="Manage stored workbooks.", cls=AppGroup)
def workbook_cli() -> None:
    pass


def purge_expired() -> int:
    """Delete never-kept workbooks after a day and kept ones after the retention period.
    Safe to run on several instances at once: each deletes what is expired, once."""
    try:
        return purge(db.session(), today(), settings().workbook_retention_days)
    finally:
        db.session().close()


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
    stop = start_purge_timer(current_app._get_current_object(), every)  # type: ignore[attr-defined]
    stop.wait()


def start_purge_timer(app: Flask, every: float = PURGE_EVERY_SECONDS) -> threading.Event:
    """Purge now and every ``every`` seconds in a daemon thread; set the event to stop it."""
    stop = threading.Event()

    def run() -> None:
        while not stop.is_set():
            with app.app_context():
                try:
                    log.info("%d expired workbook(s) deleted", purge_expired())
                except Exception:  # keep the timer alive; the error is logged (no data in it)
                    log.exception("purging expired workbooks failed")
            stop.wait(every)

    threading.Thread(target=run, name="rumbo-purge", daemon=True).start()
    return stop
