"""Reading an answer from a submitted form, checked against its exercise. No Flask here.

Each exercise type has one shape of stored value:
reflection: text; scale: int; checklist: {"chosen": [int], "other": text}; choice: int;
myth-or-fact: "myth" | "fact"; balance: {cell: text}; list: [text].
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from flask_babel import lazy_gettext as _l

from ..content.model import BALANCE_CELLS, Exercise

MAX_SHORT_CHARS = 500  # list items and the "other" box of a checklist


class InvalidAnswer(ValueError):
    """The form does not hold a valid answer; ``message`` is for the visitor."""

    def __init__(self, message: Any) -> None:
        super().__init__("invalid answer")
        self.message = message


Form = Mapping[str, Sequence[str]]  # field name -> every value sent for it


def read_answer(exercise: Exercise, form: Form, max_chars: int) -> Any:
    kind = exercise.type
    if kind == "reflection":
        return _text(_one(form, "answer"), max_chars, required=True)
    if kind == "scale":
        value = _integer(_one(form, "answer"), _l("Choose a number on the scale."))
        if value not in exercise.scale_values:
            raise InvalidAnswer(_l("Choose a number on the scale."))
        return value
    if kind == "choice":
        value = _integer(_one(form, "answer"), _l("Choose one of the options."))
        if not 0 <= value < len(exercise.options):
            raise InvalidAnswer(_l("Choose one of the options."))
        return value
    if kind == "myth-or-fact":
        value = _one(form, "answer")
        if value not in ("myth", "fact"):
            raise InvalidAnswer(_l("Choose myth or fact."))
        return value
    if kind == "checklist":
        chosen = sorted(
            {_integer(v, _l("Tick one or more options.")) for v in form.get("option", [])}
        )
        if any(not 0 <= i < len(exercise.options) for i in chosen):
            raise InvalidAnswer(_l("Tick one or more options."))
        other = _text(_one(form, "other"), MAX_SHORT_CHARS) if exercise.other else ""
        if not chosen and not other:
            raise InvalidAnswer(_l("Tick one or more options."))
        return {"chosen": chosen, "other": other}
    if kind == "balance":
        cells = {cell: _text(_one(form, cell), max_chars) for cell in BALANCE_CELLS}
        if not any(cells.values()):
            raise InvalidAnswer(_l("Write something in at least one of the boxes."))
        return cells
    if kind == "list":
        items = form.get("item", [])
        if len(items) > exercise.items:
            raise InvalidAnswer(_l("There are more items than this exercise has room for."))
        kept = [_text(item, MAX_SHORT_CHARS) for item in items]
        kept = [item for item in kept if item]
        if not kept:
            raise InvalidAnswer(_l("Write at least one item."))
        return kept
    raise InvalidAnswer(_l("This exercise cannot be answered."))


def _one(form: Form, name: str) -> str:
    values = form.get(name, [])
    return values[0] if values else ""


def _text(value: str, limit: int, required: bool = False) -> str:
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


def _integer(value: str, message: Any) -> int:
    if not value.strip().lstrip("-").isdigit() or len(value) > 6:
        raise InvalidAnswer(message)
    return int(value)


def free_texts(value: Any) -> list[str]:
    """Every piece of text in a stored answer, for the plan and the export."""
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str) and v]
    if isinstance(value, dict):
        return [v for v in value.values() if isinstance(v, str) and v]
    return []
