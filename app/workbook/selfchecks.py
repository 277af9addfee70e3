"""Self-check answers kept in the workbook: each time the visitor answers, appended, dated by
ISO week only, never overwritten. The route is not kept: it is worked out again from the
newest answers and the rules as they are now. No Flask here.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

MAX_SELF_CHECKS = 104  # two years of weekly answers: the workbook's size limit comes first
ANSWER_TYPES = (str, int, list)


@dataclass(frozen=True)
class SelfCheckAnswers:
    week: str  # "2026-W07"
    answers: Mapping[str, Any] = field(default_factory=dict)  # question id -> kept answer
    # How many check-ins the workbook held when these were given: their order within a week,
    # which the week alone cannot tell (and no finer time is ever kept).
    after: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"week": self.week, "answers": dict(self.answers), "after": self.after}

    @classmethod
    def from_json(cls, data: Any) -> SelfCheckAnswers | None:
        """The answers ``data`` holds, or None when it is not a self-check (never raises)."""
        if not isinstance(data, dict) or not isinstance(data.get("week"), str):
            return None
        answers = data.get("answers")
        if not isinstance(answers, dict):
            return None
        kept = {
            key: value
            for key, value in answers.items()
            if isinstance(key, str) and type(value) in ANSWER_TYPES
        }
        after = data.get("after", 0)
        return cls(data["week"], kept, after if type(after) is int else 0)


def self_check_history(stored: Sequence[Any]) -> list[SelfCheckAnswers]:
    """The readable self-checks of a workbook (``Workbook.self_checks``), oldest first."""
    found = (SelfCheckAnswers.from_json(item) for item in stored)
    return [answers for answers in found if answers is not None]


def latest(stored: Sequence[Any]) -> SelfCheckAnswers | None:
    found = self_check_history(stored)
    return found[-1] if found else None


def append_self_check(
    stored: list[dict[str, Any]], answers: SelfCheckAnswers, check_ins: int
) -> None:
    """Add ``answers`` after the ``check_ins`` check-ins the workbook holds now."""
    stored.append(dataclasses.replace(answers, after=check_ins).to_json())
    del stored[:-MAX_SELF_CHECKS]
