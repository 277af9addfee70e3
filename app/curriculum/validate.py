"""Checks on raw module files: front matter, ids, and the same shape in every locale."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date

from ..authoring import ID, Problems
from .exercises import Exercise
from .parse import RawModule

REQUIRED_META = ("slug", "order", "title", "summary", "minutes", "objectives", "sources", "review")
# The review record: the month of the review and the reviewer's role (never a personal name).
REVIEW_RECORD = ("reviewed_in", "reviewed_by")
REVIEW_STATES = ("draft", "reviewed")
MONTH = re.compile(r"^(?P<year>20[0-9]{2})-(?P<month>0[1-9]|1[0-2])$")
MAX_ROLE_CHARS = 80
# Addresses beside a module's steps (/<lang>/modules/<slug>/done, .../print): not step ids.
RESERVED_STEP_IDS = ("done", "print")
# A module's exercises per step id, each with the line its block starts on.
StepExercises = Mapping[str, list[tuple[int, Exercise]]]


def valid_meta(module: RawModule, problems: Problems) -> bool:
    meta, lines, path = module.meta, module.meta_lines, module.path
    before = len(problems.errors)

    def error(key: str, message: str) -> None:
        problems.error(path, lines.get(key, 1), message)

    for key in REQUIRED_META:
        if key not in meta:
            error(key, f"front matter is missing {key!r}")
    for key in sorted(set(meta) - set(REQUIRED_META) - set(REVIEW_RECORD)):
        error(key, f"unknown front matter key {key!r}")
    if "slug" in meta and not (isinstance(meta["slug"], str) and ID.match(meta["slug"])):
        error("slug", "'slug' must use a-z, 0-9 and '-'")
    for key, low, high in (("order", 0, 999), ("minutes", 1, 600)):
        value = meta.get(key, low)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            error(key, f"{key!r} must be a whole number from {low} to {high}")
    for key in ("title", "summary"):
        if key in meta and not (isinstance(meta[key], str) and meta[key].strip()):
            error(key, f"{key!r} must be non-empty text")
    for key in ("objectives", "sources"):
        value = meta.get(key, [""])
        if (
            not isinstance(value, list)
            or not value
            or not all(isinstance(v, str) and v.strip() for v in value)
        ):
            error(key, f"{key!r} must be a list of texts ('  - ...' lines)")
    if "review" in meta and meta["review"] not in REVIEW_STATES:
        error("review", "'review' must be 'draft' or 'reviewed'")
    _check_review_record(
        meta, error, lambda key, message: problems.warn(path, lines.get(key, 1), message)
    )
    return len(problems.errors) == before


def _check_review_record(
    meta: Mapping[str, object],
    error: Callable[[str, str], None],
    warn: Callable[[str, str], None],
) -> None:
    """``review: reviewed`` records the month (``reviewed_in: 2026-11``) and the reviewer's role."""
    if meta.get("review") == "reviewed":
        for key in REVIEW_RECORD:
            if key not in meta:
                warn(
                    "review",
                    f"'review: reviewed' without {key!r}: record the review (docs/authoring.md)",
                )
    elif meta.get("review") == "draft":
        for key in REVIEW_RECORD:
            if key in meta:
                error(key, f"{key!r} belongs to 'review: reviewed'; this module is a draft")
    month = meta.get("reviewed_in")
    if "reviewed_in" in meta:
        found = MONTH.match(month) if isinstance(month, str) else None
        if found is None:
            error(
                "reviewed_in", "'reviewed_in' must be a month written as YYYY-MM, such as 2026-11"
            )
        elif (int(found["year"]), int(found["month"])) > (date.today().year, date.today().month):
            error("reviewed_in", f"'reviewed_in' {month} is in the future")
    role = meta.get("reviewed_by")
    if "reviewed_by" in meta and not (
        isinstance(role, str) and role.strip() and len(role) <= MAX_ROLE_CHARS
    ):
        error(
            "reviewed_by",
            f"'reviewed_by' must be the reviewer's role, such as 'clinical psychologist' "
            f"(at most {MAX_ROLE_CHARS} characters; never a personal name)",
        )


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
