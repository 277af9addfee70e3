"""``flask workbook purge``: delete expired workbooks (run it daily, e.g. from cron)."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from .. import db
from ..context import settings
from .current import today
from .store import purge


@click.group("workbook", help="Manage stored workbooks.", cls=AppGroup)
def workbook_cli() -> None:
    pass


@workbook_cli.command(
    "purge",
    help="Delete never-kept workbooks after a day and kept ones after the retention period.",
)
def purge_command() -> None:
    removed = purge(db.session(), today(), settings().workbook_retention_days)
    click.echo(f"{removed} expired workbook(s) deleted.")
