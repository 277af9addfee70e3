"""scale: the visitor picks a whole number on a ruler, e.g. 0-10 importance."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from flask_babel import lazy_gettext as _l

from .base import Exercise, Fields, InvalidAnswer, Options, read_whole

MAX_SCALE_POINTS = 21


@dataclass(frozen=True, kw_only=True)
class Scale(Exercise):
    name: ClassVar[str] = "scale"
    required: ClassVar[frozenset[str]] = frozenset({"prompt", "min", "max"})
    optional: ClassVar[frozenset[str]] = frozenset({"min_label", "max_label", "count"})

    minimum: int = 0
    maximum: int = 10
    min_label: str = ""
    max_label: str = ""
    count: bool = False  # answers are counted as a weekly distribution (docs/insight.md)

    @classmethod
    def options_from(cls, options: Options) -> dict[str, Any]:
        minimum, maximum = options.whole("min", 0), options.whole("max", 10)
        if not 2 <= maximum - minimum + 1 <= MAX_SCALE_POINTS:
            options.error(
                "max", f"'max' must be above 'min' and at most {MAX_SCALE_POINTS - 1} more"
            )
        return {
            "minimum": minimum,
            "maximum": maximum,
            "min_label": options.text("min_label"),
            "max_label": options.text("max_label"),
            "count": options.flag("count"),
        }

    @property
    def scale_values(self) -> range:
        return range(self.minimum, self.maximum + 1)

    @property
    def is_counted(self) -> bool:
        return self.count

    def shape(self) -> dict[str, Any]:
        return super().shape() | {"min/max": (self.minimum, self.maximum), "count": self.count}

    def read(self, fields: Fields, max_chars: int) -> int:
        message = _l("Choose a number on the scale.")
        value = read_whole(fields.one("answer"), message)
        if value not in self.scale_values:
            raise InvalidAnswer(message)
        return value

    def lines(self, value: Any) -> list[str]:
        return [
            str(
                _l(
                    "%(value)s on a scale from %(low)d to %(high)d",
                    value=value,
                    low=self.minimum,
                    high=self.maximum,
                )
            )
        ]
