"""Turns an exercise block's options into an :class:`Exercise`, reporting every problem."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .model import EXERCISE_TYPES, PLAN_SECTIONS, Exercise
from .parse import ID, RawBlock, key_lines, load_yaml
from .problems import Problems

# type -> (required options, optional options); every type may also have a hint.
OPTIONS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "reflection": (frozenset({"prompt"}), frozenset({"plan"})),
    "scale": (frozenset({"prompt", "min", "max"}), frozenset({"min_label", "max_label", "count"})),
    "checklist": (frozenset({"prompt", "options"}), frozenset({"other", "plan"})),
    "choice": (frozenset({"prompt", "options"}), frozenset({"feedback"})),
    "myth-or-fact": (frozenset({"statement", "answer", "explanation"}), frozenset()),
    "balance": (frozenset({"prompt"}), frozenset()),
    "list": (frozenset({"prompt", "items"}), frozenset({"plan"})),
}
MAX_SCALE_POINTS = 21
MAX_LIST_ITEMS = 10


def build_exercise(block: RawBlock, path: Path, problems: Problems) -> Exercise | None:
    data = load_yaml(block.text, path, block.line + 1, problems)
    lines = key_lines(block.text.splitlines(), block.line + 1)
    before = len(problems.errors)

    def error(key: str, message: str) -> None:
        problems.error(path, lines.get(key, block.line), message)

    if not isinstance(data, dict):
        if data is not None or not problems.errors:
            problems.error(path, block.line, "an exercise needs 'id:', 'type:' and its options")
        return None
    exercise_id, kind = data.get("id"), data.get("type")
    if not isinstance(exercise_id, str) or not ID.match(exercise_id):
        error("id", "exercise needs an 'id' of a-z, 0-9 and '-'")
        exercise_id = "?"
    label = f"exercise {exercise_id!r}"
    if kind not in OPTIONS:
        error("type", f"{label}: unknown type {kind!r} (use one of {', '.join(EXERCISE_TYPES)})")
        return None
    required, optional = OPTIONS[kind]
    for key in sorted(required - set(data)):
        error("type", f"{label}: missing option {key!r}")
    for key in sorted(set(data) - required - optional - {"id", "type", "hint"}):
        error(key, f"{label}: unknown option {key!r} for type {kind!r}")

    def text(key: str) -> str:
        value = data.get(key, "")
        if isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            error(key, f"{label}: {key!r} must be text")
            return ""
        return value.strip()

    def texts(key: str) -> tuple[str, ...]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            error(key, f"{label}: {key!r} must be a list of texts ('  - ...' lines)")
            return ()
        return tuple(v.strip() for v in value)

    def whole(key: str, default: int) -> int:
        value = data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int):
            error(key, f"{label}: {key!r} must be a whole number")
            return default
        return value

    fields: dict[str, Any] = {"id": exercise_id, "type": kind, "hint": text("hint")}
    fields["prompt"] = text("statement" if kind == "myth-or-fact" else "prompt")
    if kind == "scale":
        fields.update(minimum=whole("min", 0), maximum=whole("max", 10))
        fields.update(min_label=text("min_label"), max_label=text("max_label"))
        counted = data.get("count", False)
        if not isinstance(counted, bool):
            error("count", f"{label}: 'count' must be true or false")
        fields["counted"] = counted is True
        points = fields["maximum"] - fields["minimum"] + 1
        if not 2 <= points <= MAX_SCALE_POINTS:
            error("max", f"{label}: 'max' must be above 'min' and at most 20 more")
    if kind in ("checklist", "choice"):
        fields["options"] = texts("options")
        if len(fields["options"]) < 2:
            error("options", f"{label}: 'options' needs at least two entries")
    if kind == "checklist":
        other = data.get("other", False)
        if not isinstance(other, bool):
            error("other", f"{label}: 'other' must be true or false")
        fields["other"] = other is True
    if kind == "choice" and "feedback" in data:
        fields["feedback"] = texts("feedback")
        if fields["feedback"] and len(fields["feedback"]) != len(fields["options"]):
            error("feedback", f"{label}: 'feedback' needs exactly one entry per option")
    if kind == "myth-or-fact":
        fields.update(answer=text("answer"), explanation=text("explanation"))
        if fields["answer"] not in ("myth", "fact"):
            error("answer", f"{label}: 'answer' must be 'myth' or 'fact'")
    if kind == "list":
        fields["items"] = whole("items", 3)
        if not 1 <= fields["items"] <= MAX_LIST_ITEMS:
            error("items", f"{label}: 'items' must be from 1 to {MAX_LIST_ITEMS}")
    if "plan" in data:
        fields["plan"] = text("plan")
        if fields["plan"] not in PLAN_SECTIONS:
            error("plan", f"{label}: unknown plan section (use one of {', '.join(PLAN_SECTIONS)})")
    for key in required & {"prompt", "statement", "explanation"}:
        if key in data and not text(key):
            error(key, f"{label}: {key!r} must not be empty")
    if len(problems.errors) > before:
        return None
    return Exercise(**fields)
