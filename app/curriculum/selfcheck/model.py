"""The self-check as loaded: its questions, its routing rules, and how answers are kept.

Answers are kept by the ids authors give (``recent`` rather than "the third option"), so a
clinician may reorder or reword options without changing what earlier answers mean. No Flask.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup

from ..exercises.base import Exercise
from ..exercises.checklist import Checklist
from ..exercises.choice import Choice
from ..exercises.scale import Scale

# What a rule does when it holds, strongest first: the route page shows them in this order.
EFFECTS = ("crisis", "young", "urgent", "suggest")
Answers = Mapping[str, Any]  # question id -> option id, list of option ids, or a number


@dataclass(frozen=True)
class Question:
    exercise: Choice | Checklist | Scale
    values: tuple[str, ...] = ()  # the option ids, one per option (none for a scale)
    track: str = ""  # a factor followed over time: its name on the workbook's charts
    short: Scale | None = None  # the check-in's shorter wording of a tracked question
    line: int = 0

    @property
    def id(self) -> str:
        return self.exercise.id

    def possible(self) -> tuple[Any, ...]:
        """Every single value an answer can hold (for a checklist: each option on its own)."""
        if isinstance(self.exercise, Scale):
            return tuple(self.exercise.scale_values)
        return self.values

    def kept(self, read: Any) -> Any:
        """What the workbook keeps of an answer read from the form (``Exercise.read``)."""
        if isinstance(self.exercise, Choice):
            return self.values[read]
        if isinstance(self.exercise, Checklist):
            return [self.values[i] for i in read["chosen"]]
        return read

    def shown(self, kept: Any) -> Any:
        """A kept answer as the exercise's form shows it again; None if it no longer fits."""
        if isinstance(self.exercise, Choice):
            return self.values.index(kept) if kept in self.values else None
        if isinstance(self.exercise, Checklist):
            chosen = [self.values.index(v) for v in kept or () if v in self.values]
            return {"chosen": chosen, "other": ""} if chosen else None
        return kept if type(kept) is int and kept in self.exercise.scale_values else None

    def words(self, kept: Any) -> list[str]:
        """A kept answer in the visitor's language, for the workbook and its download."""
        shown = self.shown(kept)
        return [] if shown is None else self.exercise.lines(shown)


@dataclass(frozen=True)
class Condition:
    """One part of a rule's ``when``: the answer is one of ``options``, or within a range."""

    question: str
    options: frozenset[str] = frozenset()
    low: int | None = None
    high: int | None = None

    def holds(self, answer: Any) -> bool:
        if answer is None:
            return False  # a skipped question never sets a rule off
        if isinstance(answer, list):
            return any(self.holds(one) for one in answer)
        if self.options:
            return answer in self.options
        if type(answer) is not int:
            return False
        return (self.low is None or answer >= self.low) and (
            self.high is None or answer <= self.high
        )


@dataclass(frozen=True)
class Rule:
    id: str
    when: tuple[Condition, ...]
    effect: str  # one of EFFECTS
    because: str  # the reason, in plain words, shown to the visitor
    module: str = ""  # the suggested module's slug, for "suggest"
    line: int = 0

    def holds(self, answers: Answers) -> bool:
        return all(c.holds(answers.get(c.question)) for c in self.when)

    def shape(self) -> tuple[Any, ...]:
        """What must be the same in every language: everything but the wording."""
        when = tuple(
            sorted((c.question, tuple(sorted(c.options)), c.low, c.high) for c in self.when)
        )
        return (self.effect, self.module, when)


@dataclass(frozen=True)
class SelfCheck:
    title: str
    intro: Markup
    questions: tuple[Question, ...]
    rules: tuple[Rule, ...]
    path: Path
    review: str = "draft"
    broken: frozenset[str] = frozenset()  # ids of blocks with errors, left out (authors only)

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)

    @property
    def exercises(self) -> tuple[Exercise, ...]:
        return tuple(q.exercise for q in self.questions)

    @property
    def tracked(self) -> tuple[Question, ...]:
        """The factors the check-ins ask again and the workbook charts."""
        return tuple(q for q in self.questions if q.track and q.short is not None)
