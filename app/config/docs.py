"""The table of every key in docs/configuration.md, made from the declarations in keys.py.

Print it with ``python -m app.config.docs``; a test fails while the page shows another table.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from .keys import TABLES, Settings, toml_name

HEADER = "| key | default | what it does |\n|---|---|---|"


def _shown(field: dataclasses.Field) -> str:
    if field.metadata["shown"]:
        return str(field.metadata["shown"])
    value: Any = field.default
    if field.default_factory is not dataclasses.MISSING:
        value = field.default_factory()
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, str):
        return f"`{value}`" if value else "empty"
    if isinstance(value, tuple):
        return "`[" + ", ".join(f'"{v}"' if isinstance(v, str) else str(v) for v in value) + "]`"
    if isinstance(value, Path):
        return f"`{value.name}/`"
    return f"`{value}`"


def _describe(field: dataclasses.Field) -> str:
    text = str(field.metadata["doc"])
    check = field.metadata["check"]
    low, high = getattr(check, "low", None), getattr(check, "high", None)
    if low is not None and high is not None:
        text += f" From {low:,} to {high:,}."
    if field.metadata["env"]:
        text += f" Also `{field.metadata['env']}`."
    return text


def _rows() -> list[str]:
    rows = []
    for field in dataclasses.fields(Settings):
        if field.name in TABLES:
            shown = "[site.<lang>]" if field.name == "site" else f"[{field.name}]"
            for inner in dataclasses.fields(TABLES[field.name]):
                rows.append(f"| `{shown}` `{inner.name}` | {_shown(inner)} | {_describe(inner)} |")
            continue
        head, _, rest = toml_name(field).partition(".")
        key = f"`[{head}]` `{rest}`" if rest else f"`{head}`"
        rows.append(f"| {key} | {_shown(field)} | {_describe(field)} |")
    return rows


def table() -> str:
    return "\n".join([HEADER, *_rows()])


if __name__ == "__main__":
    print(table())
