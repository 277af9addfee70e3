"""Before-and-after ratings: each module asks one question on a scale at its start
(``rating-before``) and at its end (``rating-after``); the workbook page shows the change.

Built from the workbook page's own entries, so an answer that page leaves out (a private one,
about past offences) can never reach the ratings either. No Flask here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..curriculum import Module
from .document import Workbook
from .summary import workbook_entries

BEFORE, AFTER = "rating-before", "rating-after"


@dataclass(frozen=True)
class Rating:
    module: Module
    before: int | None
    after: int | None

    @property
    def change(self) -> int | None:
        """After minus before; None until both are answered."""
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


def rating_values(module: Module, held: Mapping[str, Any]) -> tuple[int | None, int | None]:
    """The module's two ratings among its answers ``held``, leaving out a private one."""
    found = module_ratings((module,), {module.slug: dict(held)})
    return (found[0].before, found[0].after) if found else (None, None)


def module_ratings(
    modules: tuple[Module, ...], answers: Mapping[str, dict[str, Any]]
) -> list[Rating]:
    """One rating per module with at least one of its two answers, in curriculum order."""
    given: dict[str, dict[str, int]] = {}
    for entry in workbook_entries(modules, answers):
        if entry.exercise.id in (BEFORE, AFTER) and entry.exercise.type == "scale":
            given.setdefault(entry.module.slug, {})[entry.exercise.id] = int(entry.value)
    return [
        Rating(module, given[module.slug].get(BEFORE), given[module.slug].get(AFTER))
        for module in modules
        if module.slug in given
    ]


def workbook_ratings(modules: tuple[Module, ...], workbook: Workbook) -> list[Rating]:
    """The ratings of a stored workbook: from each module's note in its index (notes.py), and
    from the module's answers only where it has no note yet (saved before notes existed)."""
    ratings = []
    for module in modules:
        if not workbook.answers.count(module.slug):
            continue
        note = workbook.notes.get(module.slug)
        if note is None:
            before, after = rating_values(module, workbook.answers.get(module.slug, {}))
        else:
            before, after = note.get("r", (None, None))
        if before is not None or after is not None:
            ratings.append(Rating(module, before, after))
    return ratings
