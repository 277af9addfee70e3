"""``flask version``: which release of Rumbo this is, and the schema revision its code needs.

A Flask plugin command (pyproject.toml, entry point ``flask.commands``): it loads no settings,
content or database, so it answers on any machine, configured or not.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as installed_version

import click
from alembic.script import ScriptDirectory

from .migrate import alembic_config


def rumbo_version() -> str:
    """The version in pyproject.toml, as installed (CHANGELOG.md says what each one changed)."""
    try:
        return installed_version("rumbo")
    except PackageNotFoundError:  # a checkout that was never installed (make setup does it)
        return "unknown"


def schema_head() -> str:
    return ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head() or "none"


@click.command("version", help="Print Rumbo's version and the schema revision it needs.")
def version_cli() -> None:
    click.echo(f"Rumbo {rumbo_version()} (schema {schema_head()})")
