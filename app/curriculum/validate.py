"""Checks on raw module files: front matter, ids, and the same shape in every locale."""

from __future__ import annotations

from collections.abc import Mapping

from ..authoring import Problems
from ..authoring.fields import read_fields
from .exercises import Exercise
from .front_matter import FRONT_MATTER, REVIEW_RECORD
from .parse import RawModule

# Addresses beside a module's steps (/<lang>/modules/<slug>/done, .../print): not step ids.
RESERVED_STEP_IDS = ("done", "print")
# A module's exercises per step id, each with the line its block starts on.
StepExercises = Mapping[str, list[tuple[int, Exercise]]]


def valid_meta(module: RawModule, problems: Problems) -> bool:
    meta, lines, path = module.meta, module.meta_lines, module.path

    def error(key: str, message: str) -> None:
        problems.error(path, lines.get(key, 1), message)

    values = read_fields(meta, FRONT_MATTER, "front matter", error)
    if values is None:
        return False
    before = len(problems.errors)
    if values["review"] == "reviewed":
        for key in REVIEW_RECORD:
            if values[key] is None:
                problems.warn(
                    path,
                    lines.get("review", 1),
                    f"'review: reviewed' without {key!r}: record the review (docs/authoring.md)",
                )
    else:
        for key in REVIEW_RECORD:
            if values[key] is not None:
                error(key, f"{key!r} belongs to 'review: reviewed'; this module is a draft")
    return len(problems.errors) == before


def check_step_ids(module: RawModule, problems: Problems) -> None:
    if not module.steps:
        problems.error(
            module.path, module.intro.line, "module has no steps ('## Title {#id}' headings)"
        )
    seen: set[str] = set()
    for step in module.steps:
        if step.id in RESERVED_STEP_IDS:
            problems.error(
                module.path, step.line, f"step id {step.id!r} is reserved: choose another id"
            )
        if step.id in seen:
            problems.error(
                module.path, step.line, f"step id {step.id!r} is used twice in this module"
            )
        seen.add(step.id)


def require_reviewed(modules: Mapping[str, RawModule], problems: Problems) -> None:
    for module in modules.values():
        if module.meta.get("review") != "reviewed":
            line = module.meta_lines.get("review", 1)
            problems.error(module.path, line, "module is still a draft (review: draft)")


def compare_locales(
    raw: Mapping[str, Mapping[str, RawModule]],
    exercises: Mapping[tuple[str, str], StepExercises],
    problems: Problems,
) -> None:
    """Every module, step and exercise must exist in every locale, with the same ids and shape."""
    for locale, modules in raw.items():
        for other, other_modules in raw.items():
            if other == locale:
                continue
            for slug, module in modules.items():
                twin = other_modules.get(slug)
                if twin is None:
                    problems.error(
                        module.path,
                        module.meta_lines.get("slug", 1),
                        f"module {slug!r} exists in {locale} but not in {other}",
                    )
                    continue
                ours, theirs = exercises[locale, slug], exercises[other, slug]
                _compare_modules(locale, module, ours, other, twin, theirs, problems)


def _compare_modules(
    locale: str,
    module: RawModule,
    ours: StepExercises,
    other: str,
    twin: RawModule,
    theirs: StepExercises,
    problems: Problems,
) -> None:
    if module.meta.get("order") != twin.meta.get("order"):
        problems.error(
            module.path,
            module.meta_lines.get("order", 1),
            f"'order' differs from {other} ({twin.meta.get('order')})",
        )
    twin_steps = [step.id for step in twin.steps]
    for index, step in enumerate(module.steps):
        if step.id not in twin_steps:
            problems.error(
                module.path, step.line, f"step {step.id!r} exists in {locale} but not in {other}"
            )
            continue
        twin_index = twin_steps.index(step.id)
        if twin_index != index:
            problems.error(
                module.path,
                step.line,
                f"step {step.id!r} is step {index + 1} here but {twin_index + 1} in {other}",
            )
        twin_exercises = {e.id: e for _, e in theirs.get(step.id, [])}
        for line, exercise in ours.get(step.id, []):
            twin_exercise = twin_exercises.get(exercise.id)
            if twin_exercise is None:
                problems.error(
                    module.path,
                    line,
                    f"exercise {exercise.id!r} exists in {locale} but not in {other} (step {step.id!r})",
                )
                continue
            mine, yours = exercise.shape(), twin_exercise.shape()
            for name in mine:
                if mine[name] != yours.get(name):
                    problems.error(
                        module.path, line, f"exercise {exercise.id!r}: {name} differs from {other}"
                    )
