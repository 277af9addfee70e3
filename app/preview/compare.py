"""One module in every locale, step by step and exercise by exercise, with what differs."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from flask_babel import lazy_gettext as _l

from ..curriculum import Catalog, Exercise, Module, Step
from ..curriculum.readability import Readability, measure
from ..i18n import language_name

# The names exercise shapes use (Exercise.shape), as the review page shows them.
SHAPE_LABELS = {
    "type": _l("type"),
    "plan": _l("plan section"),
    "number of options": _l("number of options"),
    "other": _l("“other” box"),
    "min/max": _l("lowest and highest number"),
    "count": _l("counted"),
    "answer": _l("myth or fact"),
    "items": _l("number of items"),
}
SHOWN_ELSEWHERE = frozenset({"id", "plan", "count"})  # in their own columns of the definition


@dataclass(frozen=True)
class ExercisePair:
    id: str
    by_locale: Mapping[str, Exercise | None]
    differences: tuple[Any, ...]  # translated messages


@dataclass(frozen=True)
class StepPair:
    id: str
    by_locale: Mapping[str, Step | None]
    readability: Mapping[str, Readability | None]
    exercises: tuple[ExercisePair, ...]
    differences: tuple[Any, ...]

    @property
    def flagged(self) -> bool:
        return bool(self.differences) or any(e.differences for e in self.exercises)


@dataclass(frozen=True)
class ModuleReview:
    slug: str
    by_locale: Mapping[str, Module | None]
    steps: tuple[StepPair, ...]
    differences: tuple[Any, ...]

    @property
    def flagged_steps(self) -> int:
        return sum(1 for step in self.steps if step.flagged)

    @property
    def hard_steps(self) -> int:
        return sum(
            1
            for step in self.steps
            for found in step.readability.values()
            if found and found.too_hard
        )


def definition(exercise: Exercise) -> list[tuple[str, Any]]:
    """The exercise's own options, by field, as the author wrote them (text, list, number)."""
    return [
        (field.name, getattr(exercise, field.name))
        for field in dataclasses.fields(exercise)
        if field.name not in SHOWN_ELSEWHERE and getattr(exercise, field.name) not in ("", ())
    ]


def slugs(catalog: Catalog) -> list[str]:
    """Every module's slug, in the order of the first locale that has it."""
    found: list[str] = []
    for locale in catalog.locales:
        found += [m.slug for m in catalog.modules(locale) if m.slug not in found]
    return found


def review_module(catalog: Catalog, slug: str) -> ModuleReview | None:
    locales = tuple(catalog.locales)
    modules = {locale: catalog.module(locale, slug) for locale in locales}
    if not any(modules.values()):
        return None
    differences: list[Any] = [
        _l("The module is missing in %(language)s.", language=language_name(locale))
        for locale, module in modules.items()
        if module is None
    ]
    present = [m for m in modules.values() if m is not None]
    if len({m.order for m in present}) > 1:
        differences.append(_l("'order' differs between the languages."))
    step_ids: list[str] = []
    for module in present:
        step_ids += [s.id for s in module.steps if s.id not in step_ids]
    steps = tuple(_pair_step(step_id, modules) for step_id in step_ids)
    return ModuleReview(slug, modules, steps, tuple(differences))


def _pair_step(step_id: str, modules: Mapping[str, Module | None]) -> StepPair:
    steps = {locale: (m.step(step_id) if m else None) for locale, m in modules.items()}
    differences: list[Any] = [
        _l("This step is missing in %(language)s.", language=language_name(locale))
        for locale, step in steps.items()
        if step is None
    ]
    numbers = {step.number for step in steps.values() if step}
    if len(numbers) > 1:
        differences.append(_l("This step is in a different place in each language."))
    exercise_ids: list[str] = []
    for step in steps.values():
        exercise_ids += [e.id for e in (step.exercises if step else ()) if e.id not in exercise_ids]
    exercises = tuple(_pair_exercise(exercise_id, steps) for exercise_id in exercise_ids)
    readability = {
        locale: (measure(step, locale) if step else None) for locale, step in steps.items()
    }
    return StepPair(step_id, steps, readability, exercises, tuple(differences))


def _pair_exercise(exercise_id: str, steps: Mapping[str, Step | None]) -> ExercisePair:
    found = {
        locale: next((e for e in (step.exercises if step else ()) if e.id == exercise_id), None)
        for locale, step in steps.items()
    }
    differences: list[Any] = [
        _l("This exercise is missing in %(language)s.", language=language_name(locale))
        for locale, exercise in found.items()
        if exercise is None
    ]
    shapes = {locale: e.shape() for locale, e in found.items() if e is not None}
    names: list[str] = []
    for shape in shapes.values():
        names += [name for name in shape if name not in names]
    for name in names:
        values = {locale: shape.get(name) for locale, shape in shapes.items()}
        if len({repr(v) for v in values.values()}) > 1:
            shown = ", ".join(f"{locale}: {_value(v)}" for locale, v in values.items())
            differences.append(
                _l(
                    "%(what)s differs (%(values)s).",
                    what=SHAPE_LABELS.get(name, name),
                    values=shown,
                )
            )
    return ExercisePair(exercise_id, found, tuple(differences))


def _value(value: Any) -> str:
    if isinstance(value, tuple):
        return "-".join(map(str, value))
    return "—" if value in ("", None) else str(value)
