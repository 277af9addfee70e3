"""What every exercise type has: the shared fields, and the hooks each type fills in.

An exercise type is one frozen dataclass (a subclass of :class:`Exercise`) that holds
everything about the type: its options and their validation (``options`` and ``build``), how
it reads an answer from a form (``read``), how an answer is shown (``lines``), whether it
invites free text, and its templates. The registry in ``__init__`` lists them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol

from flask_babel import lazy_gettext as _l

MAX_SHORT_CHARS = 500  # list items and the "other" box of a checklist
# Plain ASCII digits only: str.isdigit() also accepts "²" and other digits int() refuses.
WHOLE_NUMBER = re.compile(r"^-?[0-9]{1,6}$")


class InvalidAnswer(ValueError):
    """The form does not hold a valid answer; ``message`` is for the visitor."""

    def __init__(self, message: Any) -> None:
        super().__init__("invalid answer")
        self.message = message


class Fields(Protocol):
    """The submitted values of one exercise, by field name (already scoped to the exercise)."""

    def one(self, name: str) -> str: ...

    def all(self, name: str) -> Sequence[str]: ...


class Options:
    """Reads an exercise block's options, reporting each problem at its key's line."""

    def __init__(
        self, data: Mapping[str, Any], label: str, error: Callable[[str, str], None]
    ) -> None:
        self.data, self.label, self._error = data, label, error

    def error(self, key: str, message: str) -> None:
        self._error(key, f"{self.label}: {message}")

    def text(self, key: str) -> str:
        value = self.data.get(key, "")
        if isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            self.error(key, f"{key!r} must be text")
            return ""
        return value.strip()

    def required_text(self, key: str) -> str:
        value = self.text(key)
        if key in self.data and not value:
            self.error(key, f"{key!r} must not be empty")
        return value

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.error(key, f"{key!r} must be a list of texts ('  - ...' lines)")
            return ()
        return tuple(v.strip() for v in value)

    def whole(self, key: str, default: int) -> int:
        value = self.data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int):
            self.error(key, f"{key!r} must be a whole number")
            return default
        return value

    def flag(self, key: str) -> bool:
        value = self.data.get(key, False)
        if not isinstance(value, bool):
            self.error(key, f"{key!r} must be true or false")
        return value is True


@dataclass(frozen=True, kw_only=True)
class Exercise:
    """Fields every type has. ``prompt`` is what the visitor is asked (or judges)."""

    name: ClassVar[str]  # the `type:` authors write
    required: ClassVar[frozenset[str]] = frozenset({"prompt"})
    optional: ClassVar[frozenset[str]] = frozenset()
    prompt_key: ClassVar[str] = "prompt"

    id: str
    prompt: str
    hint: str = ""
    plan: str = ""
    # About past offences: the answer stays on its step page only, never in the plan, the
    # workbook page, its download or anything shared (docs/authoring.md, "private").
    private: bool = False

    @property
    def type(self) -> str:
        return self.name

    @property
    def template(self) -> str:
        return f"exercises/{self.name}.html"

    @property
    def paper_template(self) -> str:
        """The exercise on the printable module: its question with room to answer by hand."""
        return f"exercises/paper/{self.name}.html"

    @property
    def feedback_template(self) -> str:
        """What the visitor sees under a saved answer."""
        return "exercises/feedback/saved.html"

    @property
    def title(self) -> str:
        """The exercise's heading on the step page."""
        return self.prompt

    @property
    def kind_label(self) -> str:
        """The small label above the heading."""
        return str(_l("Exercise"))

    @property
    def has_free_text(self) -> bool:
        """Whether the visitor may type their own words (and so sees the privacy reminder)."""
        return False

    @property
    def is_counted(self) -> bool:
        """Whether answers are counted as an anonymous weekly distribution (docs/insight.md)."""
        return False

    @classmethod
    def options_from(cls, options: Options) -> dict[str, Any]:
        """The type's own fields from its options; report problems through ``options``."""
        return {}

    def shape(self) -> dict[str, Any]:
        """What must be the same in every locale (compared by the validator)."""
        return {"type": self.name, "plan": self.plan, "private": self.private}

    def read(self, fields: Fields, max_chars: int) -> Any:
        """The answer to store, from the submitted fields; raise InvalidAnswer when invalid."""
        raise NotImplementedError

    def lines(self, value: Any) -> list[str]:
        """A stored answer as plain lines, in the visitor's words and the module's options."""
        return [str(value)]

    def routed_to(self, value: Any) -> tuple[str, str] | None:
        """The page (name, part) the answer ``value`` sends the visitor to; None goes on."""
        return None

    def feedback_for(self, value: Any) -> str:
        """What the exercise says about the answer ``value``, shown where the visitor looks
        after saving; empty when it says nothing beyond its own feedback block."""
        return ""


def read_text(value: str, limit: int, required: bool = False) -> str:
    text = value.replace("\r\n", "\n").strip()
    if "\x00" in text:
        raise InvalidAnswer(_l("The text contains characters that cannot be saved."))
    if len(text) > limit:
        raise InvalidAnswer(
            _l("This answer is too long: at most %(limit)d characters.", limit=limit)
        )
    if required and not text:
        raise InvalidAnswer(_l("Write your answer in the box before saving."))
    return text


def read_whole(value: str, message: Any) -> int:
    if not WHOLE_NUMBER.match(value.strip()):
        raise InvalidAnswer(message)
    return int(value)


def option_lines(options: Sequence[str], chosen: Sequence[Any]) -> list[str]:
    """The texts of the chosen options, skipping indexes that no longer exist."""
    return [options[i] for i in chosen if isinstance(i, int) and 0 <= i < len(options)]
