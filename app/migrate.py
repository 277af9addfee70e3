"""Alembic migrations, run through ``flask db upgrade|downgrade|current``."""

from __future__ import annotations

import click
from alembic import command
from alembic.config import Config
from flask import Flask
from flask.cli import AppGroup

from .config import PROJECT_ROOT
from .context import settings

MIGRATIONS = PROJECT_ROOT / "migrations"


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(url: str, revision: str = "head") -> None:
    command.upgrade(alembic_config(url), revision)


@click.group("db", help="Manage the database schema (Alembic migrations).", cls=AppGroup)
def db_cli() -> None:
    pass


@db_cli.command("upgrade", help="Bring the schema up to date (safe to run at every start).")
@click.argument("revision", default="head")
def upgrade_command(revision: str) -> None:
    upgrade(settings().database_url, revision)


@db_cli.command("downgrade", help="Step the schema back to an earlier revision.")
@click.argument("revision")
def downgrade_command(revision: str) -> None:
    command.downgrade(alembic_config(settings().database_url), revision)


@db_cli.command("current", help="Show the schema's current revision.")
def current_command() -> None:
    command.current(alembic_config(settings().database_url))


def init_app(app: Flask) -> None:
    app.cli.add_command(db_cli)
