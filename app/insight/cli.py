"""``flask insight report`` and ``flask insight hash-password``."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import click
from flask.cli import AppGroup

from .. import db
from ..context import settings as current_settings
from ..weeks import parse_iso_week
from .password import hash_password
from .report import Report, build_report

HEADERS = {
    "events": ("event", "locale", "module", "step"),
    "outcomes": ("question", "answer"),
    "rulers": ("ruler", "value"),
    "self-check": ("figure", "value"),
}


@click.group("insight", help="Anonymous counts for the hosting organisation.", cls=AppGroup)
def insight_cli() -> None:
    pass


def _week(_ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return parse_iso_week(value)
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is not an ISO week like 2026-W07", param=param
        ) from None


@insight_cli.command(
    "report",
    help="Print the figures for one finished ISO week (default: the last one; the current"
    " week is never shown). Reports cover whole weeks only, so that no two can be subtracted"
    " to reveal a hidden small figure.",
)
@click.option("--week", "week", callback=_week, help="The ISO week, YYYY-Www (e.g. 2026-W07).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
)
def report_command(week: date | None, fmt: str) -> None:
    settings = current_settings()
    day = week or date.today()
    report = build_report(db.session(), day, settings.insight_min_cell, date.today())
    click.echo({"table": as_table, "csv": as_csv, "json": as_json}[fmt](report), nl=False)


def as_table(report: Report) -> str:
    lines = [
        f"Rumbo insight, week {report.name}: {report.start} to {report.end} (cells under {report.min_cell} shown as <{report.min_cell})",
        "",
    ]
    for section, headers in HEADERS.items():
        rows = report.section(section)
        lines.append(f"{section}:")
        if not rows:
            lines.append("  (none)")
        table = (
            [
                (*headers, "count"),
                *((*(label or "-" for label in r.labels), r.shown(report.min_cell)) for r in rows),
            ]
            if rows
            else []
        )
        widths = (
            [max(len(str(cell)) for cell in column) for column in zip(*table, strict=True)]
            if table
            else []
        )
        for row in table:
            lines.append(
                "  "
                + "  ".join(
                    str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)
                ).rstrip()
            )
        lines.append("")
    return "\n".join(lines)


def as_csv(report: Report) -> str:
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\n")
    writer.writerow(["section", "label1", "label2", "label3", "label4", "count"])
    for row in report.rows:
        labels = list(row.labels) + [""] * (4 - len(row.labels))
        writer.writerow([row.section, *labels, row.shown(report.min_cell)])
    return output.getvalue()


def as_json(report: Report) -> str:
    sections = {
        name: [
            dict(zip((*headers, "count"), (*r.labels, r.shown(report.min_cell)), strict=True))
            for r in report.section(name)
        ]
        for name, headers in HEADERS.items()
    }
    body = {
        "week": report.name,
        "from": str(report.start),
        "to": str(report.end),
        "min_cell": report.min_cell,
        **sections,
    }
    return json.dumps(body, indent=2, ensure_ascii=False) + "\n"


@insight_cli.command(
    "hash-password", help="Make the hash to put in rumbo.toml as insight.password_hash."
)
@click.password_option()
def hash_password_command(password: str) -> None:
    if len(password) < 12:
        raise click.UsageError("use at least 12 characters")
    click.echo(hash_password(password))
