"""reflection: the visitor writes free text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from .base import Exercise, Fields, read_text


@dataclass(frozen=True, kw_only=True)
class Reflection(Exercise):
    name: ClassVar[str] = "reflection"
    optional: ClassVar[frozenset[str]] = frozenset({"plan"})

    @property
    def has_free_text(self) -> bool:
        return True

    def read(self, fields: Fields, max_chars: int) -> str:
        return read_text(fields.one("answer"), max_chars, required=True)

    def lines(self, value: Any) -> list[str]:
        return [str(value)] if value else []
