"""list: the visitor writes up to N short items."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from flask_babel import lazy_gettext as _l

from .base import MAX_SHORT_CHARS, Exercise, Fields, InvalidAnswer, Options, read_text

MAX_LIST_ITEMS = 10


@dataclass(frozen=True, kw_only=True)
class ItemList(Exercise):
    name: ClassVar[str] = "list"
    required: ClassVar[frozenset[str]] = frozenset({"prompt", "items"})
    optional: ClassVar[frozenset[str]] = frozenset({"plan"})

    items: int = 3

    @classmethod
    def options_from(cls, options: Options) -> dict[str, Any]:
        items = options.whole("items", 3)
        if not 1 <= items <= MAX_LIST_ITEMS:
            options.error("items", f"'items' must be from 1 to {MAX_LIST_ITEMS}")
        return {"items": items}

    @property
    def has_free_text(self) -> bool:
        return True

    def shape(self) -> dict[str, Any]:
        return super().shape() | {"items": self.items}

    def read(self, fields: Fields, max_chars: int) -> list[str]:
        items = fields.all("item")
        if len(items) > self.items:
            raise InvalidAnswer(_l("There are more items than this exercise has room for."))
        kept = [text for text in (read_text(item, MAX_SHORT_CHARS) for item in items) if text]
        if not kept:
            raise InvalidAnswer(_l("Write at least one item."))
        return kept

    def lines(self, value: Any) -> list[str]:
        return [str(v) for v in value] if isinstance(value, list) else []
