"""A module's note in the workbook's index: what pages need to know about a module's answers
without decrypting them (parts.py keeps the index sealed; only its key opens it).

- ``s``: the numbers of its steps holding an answer, as a bit mask (bit n for step n): the
  visitor's place (position.py) on the home page, the module list and the workbook page;
- ``r``: its before-and-after rating (ratings.py), as the workbook page shows it.

Written on every save of the module's answers (saving.py, from the answers the module then
holds), so a note is never older than its answers. A workbook saved before notes existed has
none: its pages read the module's answers instead, until its next save. No Flask here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..curriculum import Module
from .ratings import rating_values


def note_of(module: Module, held: Mapping[str, Any]) -> dict[str, Any]:
    """The note for ``module`` holding ``held`` (exercise id -> answer)."""
    steps = {module.step_of_exercise[e] for e in held if e in module.step_of_exercise}
    note: dict[str, Any] = {"s": sum(1 << number for number in steps)}
    before, after = rating_values(module, held)
    if before is not None or after is not None:
        note["r"] = [before, after]
    return note


def steps_in(note: Mapping[str, Any]) -> set[int]:
    """The step numbers a note records as holding an answer."""
    mask = int(note.get("s", 0))
    return {n for n in range(mask.bit_length()) if mask >> n & 1}
