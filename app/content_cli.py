"""``flask content check``: validate modules and help files, one ``path:line`` per problem."""

from __future__ import annotations

from pathlib import Path

import click
from flask.cli import AppGroup

from .context import settings as current_settings
from .curriculum import draft_tree
from .curriculum.readability import FORMULAS, check_readability, describe
from .helpdesk import check_help


@click.group("content", help="Work with the Markdown modules and help directories.", cls=AppGroup)
def content_cli() -> None:
    pass


@content_cli.command("check")
@click.argument("path", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--strict", is_flag=True, help="Fail on warnings too (hard-to-read steps among them)."
)
@click.option("--require-reviewed", is_flag=True, help="Fail while any module is a draft.")
@click.option(
    "--require-confirmed",
    is_flag=True,
    help="Fail while any help entry is marked confirm-before-publishing.",
)
def check_command(
    path: Path | None, strict: bool, require_reviewed: bool, require_confirmed: bool
) -> None:
    """Check every module and help file (of PATH, default: the portal's content folder).

    Also scores each step's readability in its language (docs/authoring.md).
    """
    settings = current_settings()
    root = path or settings.content_dir
    draft, problems = draft_tree(root, settings.locales, require_reviewed=require_reviewed)
    check_help(root, settings.locales, problems=problems)
    readings = check_readability(draft, problems)
    if readings:
        minimums = ", ".join(
            f"{name} {low:g} for {code}" for code, (name, _, low) in FORMULAS.items()
        )
        click.echo(f"Readability per step (higher is easier; minimum {minimums}):")
        for reading in readings:
            click.echo(f"  {describe(reading)}")
    for problem in problems.errors + problems.warnings + problems.to_confirm:
        click.echo(str(problem), err=True)
    errors, warnings = len(problems.errors), len(problems.warnings)
    to_confirm = len(problems.to_confirm)
    failed = errors or (strict and warnings) or (require_confirmed and to_confirm)
    modules = sum(len(draft.modules(locale)) for locale in draft.locales)
    checks = sum(1 for locale in draft.locales if draft.self_check(locale) is not None)
    click.echo(
        f"{errors} error(s), {warnings} warning(s), {to_confirm} help entry(ies) to confirm;"
        f" {modules} module file(s) and {checks} self-check file(s) checked."
    )
    if failed:
        raise SystemExit(1)
