"""What a visitor submitted for an exercise, as the exercise types read it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from werkzeug.datastructures import MultiDict

REPEATED_FIELDS = ("item", "option")  # list items and checklist ticks: every value counts


class ExerciseFields:
    """The submitted fields of one exercise (the ``Fields`` the exercise types read)."""

    def __init__(self, form: MultiDict[str, str]) -> None:
        self._form = form

    def one(self, name: str) -> str:
        return self._form.get(name, "")

    def all(self, name: str) -> Sequence[str]:
        return self._form.getlist(name)

    def as_typed(self) -> dict[str, Any]:
        """Everything typed, to show it back in the boxes when the page comes back."""
        return {
            name: self._form.getlist(name) if name in REPEATED_FIELDS else self._form.get(name)
            for name in self._form
        }
