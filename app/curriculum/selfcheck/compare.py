"""The self-check must ask and route the same way in every language: only wording differs."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from ...authoring import Problems
from ..exercises.scale import Scale
from .model import Question, SelfCheck
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
    path = check.path
    theirs = [q.id for q in twin.questions]
    for index, question in enumerate(check.questions):
        if question.id not in theirs:
            problems.error(path, question.line,
                           f"question {question.id!r} exists in {locale} but not in {other}")  # fmt: skip
            continue
        if theirs.index(question.id) != index:
            problems.error(path, question.line,
                           f"question {question.id!r} is number {index + 1} here but "
                           f"{theirs.index(question.id) + 1} in {other}")  # fmt: skip
        twin_question = twin.questions[theirs.index(question.id)]
        if _shape(question) != _shape(twin_question):
            problems.error(path, question.line,
                           f"question {question.id!r}: type, option ids, range or tracking "
                           f"differ from {other}")  # fmt: skip
    their_rules = {r.id: r for r in twin.rules}
    for index, rule in enumerate(check.rules):
        twin_rule = their_rules.get(rule.id)
        if twin_rule is None:
            problems.error(
                path, rule.line, f"rule {rule.id!r} exists in {locale} but not in {other}"
            )
        elif twin_rule.shape() != rule.shape():
            problems.error(
                path, rule.line, f"rule {rule.id!r}: 'when' or what it does differs from {other}"
            )
        elif twin.rules.index(twin_rule) != index:
            problems.error(path, rule.line, f"rule {rule.id!r} is in another place in {other}")
