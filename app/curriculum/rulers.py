"""The starting rulers: where the follow-up check-ins take their wording and starting point.

The first module (in order) with ``importance`` and ``confidence`` scales asks them first (the
motivation module as shipped); check-ins ask them again in the same words, and their answers
there are the starting point of the visitor's charts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .exercises.scale import Scale
from .model import Module

STARTING_RULERS = ("importance", "confidence")


@dataclass(frozen=True)
class StartingRulers:
    module: Module
    scales: dict[str, Scale]  # by exercise id: importance, confidence


def starting_rulers(modules: Sequence[Module]) -> StartingRulers | None:
    for module in modules:
        found = {}
        for step in module.steps:
            for exercise in step.exercises:
                if exercise.id in STARTING_RULERS and isinstance(exercise, Scale):
                    found[exercise.id] = exercise
        if set(found) == set(STARTING_RULERS):
            return StartingRulers(module, found)
    return None
