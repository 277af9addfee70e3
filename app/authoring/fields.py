"""Structured input an author writes (module front matter, help-directory entries), declared
the way settings are (app/config/keys.py): each key once, with its check, its default and the
sentence its docs show, and read by one function that reports every problem at its line.

The checks are the settings' own (app/config/checks.py): a check turns a raw YAML value into the
typed value, or raises ConfigError saying what it accepts.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..config.checks import Check, ConfigError

# Called with the key a problem is about (its line is found from it) and the message.
Report = Callable[[str, str], None]


@dataclass(frozen=True)
class Key:
    """One key: ``required`` is what the docs' "required" column shows ("" when optional)."""

    name: str
    check: Check
    doc: str
    required: str = "yes"
    default: Any = None


def read_fields(
    raw: Mapping[str, Any], keys: Sequence[Key], label: str, report: Report
) -> dict[str, Any] | None:
    """The checked values of ``raw`` (defaults filled in), or None after reporting each problem.

    ``label`` names the thing in messages: "front matter", "help entry 'es-024'".
    """
    known = {key.name for key in keys}
    values: dict[str, Any] = {}
    problems = 0
    for key in keys:
        if key.name not in raw:
            if key.required == "yes":
                report(key.name, f"{label} is missing {key.name!r}")
                problems += 1
            values[key.name] = key.default
            continue
        try:
            values[key.name] = key.check(raw[key.name], key.name)
        except ConfigError as error:
            report(key.name, f"{label}: {key.name!r} {error.problem}")
            problems += 1
    for name in sorted(set(raw) - known, key=str):
        report(str(name), f"{label} has an unknown key {name!r}")
        problems += 1
    return None if problems else values


def table(keys: Sequence[Key]) -> str:
    """The docs' table of ``keys``: name, whether it is required, and its sentence."""
    rows = ["| key | required | what it is |", "|---|---|---|"]
    rows += [f"| `{key.name}` | {key.required or 'no'} | {key.doc} |" for key in keys]
    return "\n".join(rows)
