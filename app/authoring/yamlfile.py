"""YAML as authors write it: parsed safely, with the line of each key kept for messages."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from .problems import Problems

ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Performance: libyaml's safe loader (PyYAML's C binding, in the manylinux wheels) parses the
# same YAML to the same values about 15x faster than the pure-Python one. Front matter and
# exercise blocks are thousands of small documents: with 1,000 modules this took ~10 s of
# start-up (docs/performance.md). The pure-Python loader remains the fallback.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str, path: Path, first_line: int, problems: Problems) -> Any:
    """Parse YAML, reporting a syntax error at its line in the file."""
    try:
        return yaml.load(text, Loader=SAFE_LOADER)  # noqa: S506 (a safe loader, see above)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = first_line + (mark.line if mark else 0)
        reason = getattr(error, "problem", None) or "invalid YAML"
        problems.error(path, line, f"invalid YAML: {reason}")
        return None


TOP_LEVEL_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:")


def key_lines(
    lines: list[str], first_line: int, pattern: re.Pattern[str] = TOP_LEVEL_KEY
) -> dict[str, int]:
    """The line on which each top-level ``key:`` of a YAML block starts (or, with another
    ``pattern``, each first match of its group: the help directory finds its entries' ids)."""
    found: dict[str, int] = {}
    for offset, line in enumerate(lines):
        match = pattern.match(line)
        if match:
            found.setdefault(match.group(1), first_line + offset)
    return found
