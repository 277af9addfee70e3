"""choice: the visitor picks one option, and may see feedback written for that option."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from flask_babel import lazy_gettext as _l

from .base import Exercise, Fields, InvalidAnswer, Options, option_lines, read_whole


@dataclass(frozen=True, kw_only=True)
class Choice(Exercise):
    name: ClassVar[str] = "choice"
    required: ClassVar[frozenset[str]] = frozenset({"prompt", "options"})
    optional: ClassVar[frozenset[str]] = frozenset({"feedback"})

    options: tuple[str, ...] = ()
    feedback: tuple[str, ...] = ()  # one per option, or none

    @classmethod
    def options_from(cls, options: Options) -> dict[str, Any]:
        texts = options.texts("options")
        if len(texts) < 2:
            options.error("options", "'options' needs at least two entries")
        feedback = options.texts("feedback") if "feedback" in options.data else ()
        if feedback and len(feedback) != len(texts):
            options.error("feedback", "'feedback' needs exactly one entry per option")
        return {"options": texts, "feedback": feedback}

    @property
    def feedback_template(self) -> str:
        return "exercises/feedback/choice.html" if self.feedback else super().feedback_template

    def shape(self) -> dict[str, Any]:
        return super().shape() | {"number of options": len(self.options)}

    def read(self, fields: Fields, max_chars: int) -> int:
        message = _l("Choose one of the options.")
        value = read_whole(fields.one("answer"), message)
        if not 0 <= value < len(self.options):
            raise InvalidAnswer(message)
        return value

    def lines(self, value: Any) -> list[str]:
        return option_lines(self.options, [value])
