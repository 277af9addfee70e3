"""The self-check in every locale side by side: each question and each rule by its id."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..curriculum.selfcheck import Question, Rule, SelfCheck


@dataclass(frozen=True)
class QuestionPair:
    id: str
    by_locale: Mapping[str, Question | None]


@dataclass(frozen=True)
class RulePair:
    id: str
    by_locale: Mapping[str, Rule | None]


@dataclass(frozen=True)
class SelfCheckPairs:
    questions: tuple[QuestionPair, ...]
    rules: tuple[RulePair, ...]


def self_check_pairs(checks: Mapping[str, SelfCheck | None]) -> SelfCheckPairs:
    """Every question and rule id of any locale, in the order of the first locale that has it."""
    question_ids: dict[str, None] = {}
    rule_ids: dict[str, None] = {}
    for check in checks.values():
        if check is not None:
            question_ids.update((q.id, None) for q in check.questions)
            rule_ids.update((r.id, None) for r in check.rules)
    return SelfCheckPairs(
        tuple(
            QuestionPair(i, {lang: c.question(i) if c else None for lang, c in checks.items()})
            for i in question_ids
        ),
        tuple(RulePair(i, {lang: _rule(c, i) for lang, c in checks.items()}) for i in rule_ids),
    )


def _rule(check: SelfCheck | None, rule_id: str) -> Rule | None:
    return next((r for r in check.rules if r.id == rule_id), None) if check else None
