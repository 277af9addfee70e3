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
    theirs = {q.id: q for q in twin.questions}
    ours = [q for q in check.questions if q.id not in twin.broken]
    common = [q.id for q in ours if q.id in theirs]
    their_order = [q.id for q in twin.questions if q.id in common]
    for question in ours:
        twin_question = theirs.get(question.id)
        if twin_question is None:
            problems.error(path, question.line,
                           f"question {question.id!r} exists in {locale} but not in {other}")  # fmt: skip
            continue
        if common.index(question.id) != their_order.index(question.id):
            problems.error(path, question.line,
                           f"question {question.id!r} is in another place in {other}")  # fmt: skip
        if _shape(question) != _shape(twin_question):
            problems.error(path, question.line,
                           f"question {question.id!r}: type, option ids, range or tracking "
                           f"differ from {other}")  # fmt: skip
    their_rules = {r.id: r for r in twin.rules}
    rules = [r for r in check.rules if r.id not in twin.broken]
    common = [r.id for r in rules if r.id in their_rules]
    their_order = [r.id for r in twin.rules if r.id in common]
    for rule in rules:
        twin_rule = their_rules.get(rule.id)
        if twin_rule is None:
            problems.error(
                path, rule.line, f"rule {rule.id!r} exists in {locale} but not in {other}"
            )
        elif twin_rule.shape() != rule.shape():
            problems.error(
                path, rule.line, f"rule {rule.id!r}: 'when' or what it does differs from {other}"
            )
        elif common.index(rule.id) != their_order.index(rule.id):
            problems.error(path, rule.line, f"rule {rule.id!r} is in another place in {other}")
