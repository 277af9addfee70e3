"""checklist: the visitor ticks any of several options, and may add "something else"."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from flask_babel import lazy_gettext as _l

from .base import (
    MAX_SHORT_CHARS,
    Exercise,
    Fields,
    InvalidAnswer,
    Options,
    option_lines,
    read_text,
    read_whole,
)


@dataclass(frozen=True, kw_only=True)
class Checklist(Exercise):
    name: ClassVar[str] = "checklist"
    required: ClassVar[frozenset[str]] = frozenset({"prompt", "options"})
    optional: ClassVar[frozenset[str]] = frozenset({"other", "plan"})

    options: tuple[str, ...] = ()
    other: bool = False

    @classmethod
    def options_from(cls, options: Options) -> dict[str, Any]:
        texts = options.texts("options")
        if len(texts) < 2:
            options.error("options", "'options' needs at least two entries")
        return {"options": texts, "other": options.flag("other")}

    @property
    def has_free_text(self) -> bool:
        return self.other

    def shape(self) -> dict[str, Any]:
        return super().shape() | {"number of options": len(self.options), "other": self.other}

    def read(self, fields: Fields, max_chars: int) -> dict[str, Any]:
        message = _l("Tick one or more options.")
        chosen = sorted({read_whole(v, message) for v in fields.all("option")})
        if any(not 0 <= i < len(self.options) for i in chosen):
            raise InvalidAnswer(message)
        other = read_text(fields.one("other"), MAX_SHORT_CHARS) if self.other else ""
        if not chosen and not other:
            raise InvalidAnswer(message)
        return {"chosen": chosen, "other": other}

    def lines(self, value: Any) -> list[str]:
        if not isinstance(value, dict):
            return []
        other = value.get("other")
        return option_lines(self.options, value.get("chosen", [])) + ([other] if other else [])
