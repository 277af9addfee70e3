"""The workbook and the personal plan as lists a template can show. No Flask here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask_babel import lazy_gettext as _l

from ..content.model import BALANCE_CELLS, PLAN_SECTIONS, Exercise, Module, Step

PLAN_TITLES = {
    "reasons": _l("My reasons to change"),
    "warning-signs": _l("My warning signs"),
    "coping": _l("What I do when an urge comes"),
    "environment": _l("Changes to my surroundings and devices"),
    "needs": _l("What I need for a good life"),
    "next-steps": _l("My next steps"),
    "people": _l("People and services I can contact"),
    "safety": _l("My safety plan"),
}
assert set(PLAN_TITLES) == set(PLAN_SECTIONS)
# The four cells of a decisional balance with their labels, in the order they are shown.
BALANCE_LABELS = tuple(
    zip(
        BALANCE_CELLS,
        (
            _l("Good things about changing"),
            _l("Less good things about changing"),
            _l("Good things about staying as I am"),
            _l("Less good things about staying as I am"),
        ),
        strict=True,
    )
)


@dataclass(frozen=True)
class Entry:
    module: Module
    step: Step
    exercise: Exercise
    value: Any


def workbook_entries(
    modules: tuple[Module, ...], answers: dict[str, dict[str, Any]]
) -> list[Entry]:
    """Every answer, in curriculum order."""
    entries = []
    for module in modules:
        given = answers.get(module.slug, {})
        for step in module.steps:
            for exercise in step.exercises:
                if exercise.id in given:
                    entries.append(Entry(module, step, exercise, given[exercise.id]))
    return entries


def answer_lines(exercise: Exercise, value: Any) -> list[str]:
    """An answer as plain lines of text, in the visitor's words and the module's options."""
    if exercise.type == "checklist" and isinstance(value, dict):
        chosen = [
            exercise.options[i] for i in value.get("chosen", []) if 0 <= i < len(exercise.options)
        ]
        return chosen + ([value["other"]] if value.get("other") else [])
    if exercise.type == "choice" and isinstance(value, int) and 0 <= value < len(exercise.options):
        return [exercise.options[value]]
    if exercise.type == "myth-or-fact":
        return [str(_l("Myth") if value == "myth" else _l("Fact"))]
    if exercise.type == "scale":
        return [
            str(
                _l(
                    "%(value)s on a scale from %(low)d to %(high)d",
                    value=value,
                    low=exercise.minimum,
                    high=exercise.maximum,
                )
            )
        ]
    if exercise.type == "balance" and isinstance(value, dict):
        return [f"{label}: {value[cell]}" for cell, label in BALANCE_LABELS if value.get(cell)]
    if isinstance(value, list):
        return [str(v) for v in value]
    if isinstance(value, dict):
        return [str(v) for v in value.values() if v]
    return [str(value)]


def plan_sections(
    modules: tuple[Module, ...], answers: dict[str, dict[str, Any]]
) -> list[tuple[str, list[Entry]]]:
    """Plan sections in a sensible order, each with the answers that feed it."""
    by_section: dict[str, list[Entry]] = {section: [] for section in PLAN_TITLES}
    for entry in workbook_entries(modules, answers):
        if entry.exercise.plan:
            by_section[entry.exercise.plan].append(entry)
    return [(PLAN_TITLES[s], entries) for s, entries in by_section.items() if entries]
