"""Where the visitor stands in the programme: each module's status and the step to continue
from, read from the answers alone (nothing else is stored about a visit). No Flask here.

A module is "not started" without an answer, "done" once its last step with exercises holds an
answer (the visitor reached its end), and "in progress" in between. The step to continue from is
the one after the furthest step holding an answer.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from ..curriculum import Module, Step
from .notes import steps_in


class Status(Enum):
    NOT_STARTED = "not-started"
    IN_PROGRESS = "in-progress"
    DONE = "done"


@dataclass(frozen=True)
class ModulePosition:
    module: Module
    status: Status
    next_step: Step  # where "Continue" (or "Begin") leads


@dataclass(frozen=True)
class Position:
    modules: tuple[ModulePosition, ...]  # in curriculum order

    def of(self, slug: str) -> ModulePosition | None:
        return next((p for p in self.modules if p.module.slug == slug), None)

    @property
    def resume(self) -> ModulePosition | None:
        """Where to continue: the first module in progress, else the first not started after
        something was answered; None for a visitor with no answers or with everything done."""
        if all(p.status is Status.NOT_STARTED for p in self.modules):
            return None
        for wanted in (Status.IN_PROGRESS, Status.NOT_STARTED):
            found = next((p for p in self.modules if p.status is wanted), None)
            if found:
                return found
        return None


def module_position(module: Module, given: Mapping[str, Any]) -> ModulePosition:
    """The module's place from its answers (exercise id -> answer)."""
    answered = {s.number for s in module.steps if any(e.id in given for e in s.exercises)}
    return place_in(module, answered)


def place_in(module: Module, answered: Collection[int]) -> ModulePosition:
    """The module's place from the numbers of its steps holding an answer."""
    if not answered:
        return ModulePosition(module, Status.NOT_STARTED, module.steps[0])
    with_exercises = [s.number for s in module.steps if s.exercises]
    if with_exercises[-1] in answered:
        return ModulePosition(module, Status.DONE, module.steps[0])
    furthest = max(answered)  # numbers are 1-based: steps[furthest] is the step after it
    return ModulePosition(
        module, Status.IN_PROGRESS, module.steps[min(furthest, len(module.steps) - 1)]
    )


def position(modules: Sequence[Module], answers: Mapping[str, Mapping[str, Any]]) -> Position:
    return Position(tuple(module_position(m, answers.get(m.slug, {})) for m in modules))


def workbook_position(
    modules: Sequence[Module],
    answers: Mapping[str, Mapping[str, Any]],
    notes: Mapping[str, Mapping[str, Any]],
    count: Callable[[str], int],
) -> Position:
    """The visitor's place from what the workbook's index records (``notes``, ``count``),
    reading a module's answers only where it has no note (a workbook saved before notes
    existed, until its next save): the cost does not grow with the answers."""

    def one(module: Module) -> ModulePosition:
        if not count(module.slug):
            return place_in(module, ())
        if module.slug in notes:
            return place_in(module, steps_in(notes[module.slug]))
        return module_position(module, answers.get(module.slug, {}))

    return Position(tuple(one(m) for m in modules))
