"""Alembic migrations, run through ``flask db upgrade|downgrade|current``.

The ``db`` commands need only the database address, never the content: they are also a Flask
plugin command (pyproject.toml, entry point ``flask.commands``), which Flask finds *before*
loading the app, so a schema upgrade works even while a module file is broken or the content
folder is empty. Inside an app (tests, ``app.cli``) they use that app's settings.
"""

from __future__ import annotations

import os
from collections.abc import Callable

import click
from alembic import command
from alembic.config import Config
from flask import Flask, current_app, has_app_context
from flask.cli import AppGroup

from .config import PROJECT_ROOT, ConfigError, load_settings
from .context import SETTINGS
from .database_errors import CONNECT_ERRORS, connection_error

MIGRATIONS = PROJECT_ROOT / "migrations"


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(url: str, revision: str = "head") -> None:
    command.upgrade(alembic_config(url), revision)


def _alembic(action: Callable[[Config], object], url: str) -> None:
    """Run an Alembic command; a database that cannot be reached is one line, not a traceback."""
    try:
        action(alembic_config(url))
    except CONNECT_ERRORS as error:
        raise click.ClickException(str(connection_error(url, error))) from None


def database_url() -> str:
    """The app's database, or, outside any app, the one its configuration names."""
    if has_app_context():
        return SETTINGS.of(current_app).database_url
    try:
        return load_settings(os.environ).database_url
    except ConfigError as error:
        raise click.ClickException(str(error)) from None


def _db_commands(group: click.Group) -> click.Group:
    """The same three commands, for the plugin group and for the app's own ``flask`` group."""

    @group.command("upgrade", help="Bring the schema up to date (safe to run at every start).")
    @click.argument("revision", default="head")
    def upgrade_command(revision: str) -> None:
        _alembic(lambda config: command.upgrade(config, revision), database_url())

    @group.command("downgrade", help="Step the schema back to an earlier revision.")
    @click.argument("revision")
    def downgrade_command(revision: str) -> None:
        _alembic(lambda config: command.downgrade(config, revision), database_url())

    @group.command("current", help="Show the schema's current revision.")
    def current_command() -> None:
        _alembic(command.current, database_url())

    return group


HELP = "Manage the database schema (Alembic migrations)."
# Found by `flask` before it loads the app (entry point): needs no content.
db_cli = _db_commands(click.Group("db", help=HELP))
# On an app's own command group (tests' CLI runner): runs with that app's settings.
app_db_cli = _db_commands(AppGroup("db", help=HELP))


def init_app(app: Flask) -> None:
    app.cli.add_command(app_db_cli)
