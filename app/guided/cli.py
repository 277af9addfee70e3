"""``flask counsel``: the team key and counsellor accounts, made on the server, never on a page."""

from __future__ import annotations

import click
import pyotp
from flask.cli import AppGroup

from .. import db
from ..context import settings
from .crypto import new_team_key
from .team import (
    add_counsellor,
    counsellor_names,
    load_team_key,
    remove_counsellor,
    save_team_key,
    server_totp_key,
)

MIN_TEAM_PASSPHRASE = 16
MIN_PASSWORD = 12


@click.group("counsel", help="Guided support: the team key and counsellor accounts.", cls=AppGroup)
def counsel_cli() -> None:
    pass


@counsel_cli.command("init-team", help="Make the team key pair, locked by the team passphrase.")
@click.option(
    "--replace", is_flag=True, help="Replace an existing team key (old messages become unreadable)."
)
@click.password_option("--passphrase", prompt="Team passphrase", help="Shared by the counsellors.")
def init_team(replace: bool, passphrase: str) -> None:
    if len(passphrase) < MIN_TEAM_PASSPHRASE:
        raise click.UsageError(
            f"the team passphrase needs at least {MIN_TEAM_PASSPHRASE} characters"
        )
    if load_team_key(db.session()) is not None and not replace:
        raise click.UsageError("a team key exists; --replace makes every stored message unreadable")
    save_team_key(db.session(), new_team_key(passphrase))
    click.echo("Team key made. Give the team passphrase only to your counsellors.")


@counsel_cli.command("add-user", help="Add a counsellor (or reset one's password and code).")
@click.argument("name")
@click.password_option("--password", prompt="Password")
def add_user(name: str, password: str) -> None:
    if not 1 <= len(name) <= 64:
        raise click.UsageError("a name has 1 to 64 characters")
    if len(password) < MIN_PASSWORD:
        raise click.UsageError(f"a password needs at least {MIN_PASSWORD} characters")
    secret = add_counsellor(db.session(), name, password, server_totp_key(settings().secret_key))
    uri = pyotp.TOTP(secret).provisioning_uri(name=name, issuer_name="Rumbo counsel")
    click.echo(
        f"Counsellor {name} added. Set up their authenticator app now, then clear this screen:"
    )
    click.echo(f"  secret: {secret}")
    click.echo(f"  address: {uri}")


@counsel_cli.command("remove-user", help="Remove a counsellor and end their sessions.")
@click.argument("name")
def remove_user(name: str) -> None:
    if not remove_counsellor(db.session(), name):
        raise click.UsageError(f"no counsellor named {name}")
    click.echo(f"Counsellor {name} removed.")


@counsel_cli.command("list-users", help="List counsellor accounts.")
def list_users() -> None:
    for name in counsellor_names(db.session()):
        click.echo(name)
