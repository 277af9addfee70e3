"""What a visitor submitted on a step: one form, with each exercise's fields under its id."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from werkzeug.datastructures import MultiDict

from ..curriculum import Exercise
from ..curriculum.exercises import InvalidAnswer
from ..workbook.saving import answer_digest

REPEATED_FIELDS = ("item", "option")  # list items and checklist ticks: every value counts
CONTROL_FIELDS = ("then",)  # which button was pressed: stay on the step, or go on


class ExerciseFields:
    """The submitted fields of one exercise (the ``Fields`` the exercise types read)."""

    def __init__(self, form: MultiDict[str, str], exercise_id: str) -> None:
        self._form = form
        self._prefix = f"{exercise_id}."

    def one(self, name: str) -> str:
        return self._form.get(self._prefix + name, "")

    def all(self, name: str) -> Sequence[str]:
        return self._form.getlist(self._prefix + name)

    @property
    def shown(self) -> str:
        """The fingerprint of the answer the page showed when it was loaded."""
        return self.one("shown")

    def names(self) -> list[str]:
        return [
            key.removeprefix(self._prefix)
            for key in self._form
            if key.startswith(self._prefix) and key != self._prefix + "shown"
        ]

    def is_blank(self) -> bool:
        """Nothing typed, ticked or chosen: the visitor left this exercise for now."""
        return not any(value.strip() for name in self.names() for value in self.all(name))

    def as_typed(self) -> dict[str, Any]:
        """Everything typed, to show it back in the boxes when the page comes back."""
        return {
            name: self.all(name) if name in REPEATED_FIELDS else self.one(name)
            for name in self.names()
        }


@dataclass
class StepForm:
    """A step's form, read: what to save, what to remove, what to say, what to show back."""

    values: dict[str, Any] = field(default_factory=dict)  # changed answers, checked
    removals: dict[str, str] = field(default_factory=dict)  # emptied answers: id -> fingerprint
    errors: dict[str, Any] = field(default_factory=dict)  # id -> message for the visitor
    submitted: dict[str, dict[str, Any]] = field(default_factory=dict)  # id -> as typed
    chosen: dict[str, Any] = field(default_factory=dict)  # every valid answer, changed or not
    foreign: bool = False  # fields of no exercise of this step, and none of the step's own


def read_step(exercises: Iterable[Exercise], form: MultiDict[str, str], max_chars: int) -> StepForm:
    """Read every exercise of a step from its one form. An exercise left blank is skipped (or,
    if the page showed an answer there, removed); one whose answer is unchanged since the page
    was shown is not written again."""
    read = StepForm()
    exercises = tuple(exercises)
    ours = {f"{exercise.id}." for exercise in exercises}
    names = [name for name in form if name not in CONTROL_FIELDS]
    known = [name for name in names if name[: name.find(".") + 1] in ours]
    read.foreign = bool(names) and not known
    for exercise in exercises:
        fields = ExerciseFields(form, exercise.id)
        if fields.is_blank():
            if fields.shown:
                read.removals[exercise.id] = fields.shown
            continue
        read.submitted[exercise.id] = fields.as_typed()
        try:
            value = exercise.read(fields, max_chars)
        except InvalidAnswer as invalid:
            read.errors[exercise.id] = invalid.message
            continue
        read.chosen[exercise.id] = value
        if answer_digest(value) != fields.shown:
            read.values[exercise.id] = value
    return read
