"""balance: the four cells of a decisional balance (changing and staying, good and less good)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from flask_babel import lazy_gettext as _l

from .base import Exercise, Fields, InvalidAnswer, read_text

# The four cells with their labels, in the order they are shown and stored.
CELLS = (
    ("change-pros", _l("Good things about changing")),
    ("change-cons", _l("Less good things about changing")),
    ("stay-pros", _l("Good things about staying as I am")),
    ("stay-cons", _l("Less good things about staying as I am")),
)


@dataclass(frozen=True, kw_only=True)
class Balance(Exercise):
    name: ClassVar[str] = "balance"
    cells: ClassVar[tuple[tuple[str, Any], ...]] = CELLS

    @property
    def has_free_text(self) -> bool:
        return True

    def read(self, fields: Fields, max_chars: int) -> dict[str, str]:
        cells = {cell: read_text(fields.one(cell), max_chars) for cell, _ in CELLS}
        if not any(cells.values()):
            raise InvalidAnswer(_l("Write something in at least one of the boxes."))
        return cells

    def lines(self, value: Any) -> list[str]:
        if not isinstance(value, dict):
            return []
        return [f"{label}: {value[cell]}" for cell, label in CELLS if value.get(cell)]
