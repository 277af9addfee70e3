"""The workbook and the personal plan as lists a template can show. No Flask here."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..curriculum import Exercise, Module, Step
from ..curriculum.plan import PLAN_TITLES


@dataclass(frozen=True)
class Entry:
    module: Module
    step: Step
    exercise: Exercise
    value: Any

    @property
    def lines(self) -> list[str]:
        return self.exercise.lines(self.value)


def workbook_entries(
    modules: tuple[Module, ...], answers: Mapping[str, dict[str, Any]]
) -> list[Entry]:
    """Every answer, in curriculum order, except private ones (about past offences), which
    stay on their step page: never in the plan, the workbook page, its download or a share."""
    entries = []
    for module in modules:
        given = answers.get(module.slug, {})
        for step in module.steps:
            for exercise in step.exercises:
                if exercise.id in given and not exercise.private:
                    entries.append(Entry(module, step, exercise, given[exercise.id]))
    return entries


def shareable_answers(
    modules: tuple[Module, ...], answers: Mapping[str, dict[str, Any]]
) -> dict[str, dict[str, Any]]:
    """The answers a visitor may pass on (guided support): those the workbook page shows."""
    shareable: dict[str, dict[str, Any]] = {}
    for entry in workbook_entries(modules, answers):
        shareable.setdefault(entry.module.slug, {})[entry.exercise.id] = entry.value
    return shareable


# What the "Right now" page shows first: the plan for a hard moment, in the order one needs it.
HARD_MOMENT_SECTIONS = ("warning-signs", "safety", "coping", "reasons", "people")


def plan_sections(
    modules: tuple[Module, ...],
    answers: Mapping[str, dict[str, Any]],
    only: tuple[str, ...] = tuple(PLAN_TITLES),
) -> list[tuple[str, list[Entry]]]:
    """Plan sections (``only`` these, in that order), each with the answers that feed it."""
    by_section: dict[str, list[Entry]] = {section: [] for section in only}
    for entry in workbook_entries(modules, answers):
        if entry.exercise.plan in by_section:
            by_section[entry.exercise.plan].append(entry)
    return [(str(PLAN_TITLES[s]), entries) for s, entries in by_section.items() if entries]
