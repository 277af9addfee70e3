"""``flask backup create FILE`` and ``flask backup restore FILE`` (docs/deploy.md, "Backups")."""

from __future__ import annotations

from pathlib import Path

import click
from flask.cli import AppGroup

from . import db
from .backup import BackupError, create, restore
from .version import schema_head


@click.group("backup", help="Back up the database to one file, or restore it.", cls=AppGroup)
def backup_cli() -> None:
    pass


def _summary(counts: dict[str, int]) -> str:
    return ", ".join(f"{rows} {table}" for table, rows in counts.items())


@backup_cli.command("create", help="Write the whole database to FILE (new, mode 0600).")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def create_command(file: Path) -> None:
    try:
        counts = create(db.engine(), file, schema_head())
    except BackupError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Backed up to {file}: {_summary(counts)}.")


@backup_cli.command(
    "restore", help="Load FILE into this empty database (run `flask db upgrade` on it first)."
)
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def restore_command(file: Path) -> None:
    try:
        counts = restore(db.engine(), file, schema_head())
    except BackupError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Restored from {file}: {_summary(counts)}.")
