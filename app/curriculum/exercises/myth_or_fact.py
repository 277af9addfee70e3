"""myth-or-fact: the visitor judges a statement, then reads why it is a myth or a fact."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from flask_babel import lazy_gettext as _l

from .base import Exercise, Fields, InvalidAnswer, Options

VERDICTS = ("myth", "fact")


@dataclass(frozen=True, kw_only=True)
class MythOrFact(Exercise):
    name: ClassVar[str] = "myth-or-fact"
    required: ClassVar[frozenset[str]] = frozenset({"statement", "answer", "explanation"})
    prompt_key: ClassVar[str] = "statement"

    answer: str = ""  # "myth" or "fact"
    explanation: str = ""

    @classmethod
    def options_from(cls, options: Options) -> dict[str, Any]:
        answer = options.text("answer")
        if answer not in VERDICTS:
            options.error("answer", "'answer' must be 'myth' or 'fact'")
        return {"answer": answer, "explanation": options.required_text("explanation")}

    @property
    def feedback_template(self) -> str:
        return "exercises/feedback/myth-or-fact.html"

    @property
    def title(self) -> str:
        return str(_l("Myth or fact?"))

    def shape(self) -> dict[str, Any]:
        return super().shape() | {"answer": self.answer}

    def read(self, fields: Fields, max_chars: int) -> str:
        value = fields.one("answer")
        if value not in VERDICTS:
            raise InvalidAnswer(_l("Choose myth or fact."))
        return value

    def lines(self, value: Any) -> list[str]:
        return [str(_l("Myth") if value == "myth" else _l("Fact"))]
