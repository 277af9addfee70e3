"""Editing a copy of the content as an author would, and finding where a line is."""

from __future__ import annotations

from pathlib import Path


def replace(path: Path, old: str, new: str, count: int = 1) -> None:
    """Edit ``path`` in place, as saving in an editor does; ``old`` must be there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    """The 1-based line of ``path`` that holds ``needle``."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")
