"""The self-check must ask and route the same way in every language: only wording differs."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ...authoring import Problems
from ..exercises.scale import Scale
from .model import Question, Rule, SelfCheck
from .read import FILE_NAME


def _shape(question: Question) -> tuple[object, ...]:
    exercise = question.exercise
    scale = (exercise.minimum, exercise.maximum) if isinstance(exercise, Scale) else None
    return (exercise.name, question.values, scale, bool(question.track))


def compare_self_checks(
    found: Mapping[str, SelfCheck | None], folders: Mapping[str, Path], problems: Problems
) -> None:
    """Every locale has the self-check or none does; the same ids, options and rules."""
    for locale, check in found.items():
        for other, twin in found.items():
            if other == locale:
                continue
            if check is None:
                if twin is not None:
                    problems.error(folders[locale] / FILE_NAME, 0,
                                   f"the self-check exists in {other} but not in {locale}")  # fmt: skip
                continue
            if twin is None:
                continue
            _compare(locale, check, other, twin, problems)


def _compare(
    locale: str, check: SelfCheck, other: str, twin: SelfCheck, problems: Problems
) -> None:
    """Questions, then rules: each in both files, in the same place, of the same shape."""
    path = check.path
    blocks: tuple[tuple[str, Sequence[Any], Sequence[Any], Callable[[Any], object], str], ...]
    blocks = (
        ("question", check.questions, twin.questions, _shape,
         "type, option ids, range or tracking differ"),
        ("rule", check.rules, twin.rules, Rule.shape, "'when' or what it does differs"),
    )  # fmt: skip
    for kind, ours, theirs, shape, what in blocks:
        by_id: dict[str, Any] = {b.id: b for b in theirs}
        mine = [b for b in ours if b.id not in twin.broken]  # reported in the other file
        common = [b.id for b in mine if b.id in by_id]
        their_order = [b.id for b in theirs if b.id in common]
        for block in mine:
            label = f"{kind} {block.id!r}"
            if block.id not in by_id:
                problems.error(path, block.line, f"{label} exists in {locale} but not in {other}")
                continue
            if shape(block) != shape(by_id[block.id]):
                problems.error(path, block.line, f"{label}: {what} from {other}")
            if common.index(block.id) != their_order.index(block.id):
                problems.error(path, block.line, f"{label} is in another place in {other}")
