"""The exercise types: one class each, listed once here.

Adding a type is one class (a subclass of :class:`Exercise` in its own file), one template
(``templates/exercises/<name>.html``) and one line in ``TYPES``. Everything else (validation,
reading forms, showing answers, the workbook, the plan, the export) asks the class.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ...authoring import ID, Problems, key_lines, load_yaml
from ..plan import PLAN_SECTIONS
from .balance import Balance
from .base import Exercise, Fields, InvalidAnswer, Options
from .checklist import Checklist
from .choice import Choice
from .list import ItemList
from .myth_or_fact import MythOrFact
from .reflection import Reflection
from .scale import Scale

TYPES: dict[str, type[Exercise]] = {
    kind.name: kind
    for kind in (Reflection, Scale, Checklist, Choice, MythOrFact, Balance, ItemList)
}
COMMON_OPTIONS = frozenset({"id", "type", "hint", "private"})

__all__ = ["TYPES", "Exercise", "Fields", "InvalidAnswer", "build_exercise", "exercise_from"]


def build_exercise(text: str, path: Path, line: int, problems: Problems) -> Exercise | None:
    """The exercise an ```exercise block (starting at ``line``) defines; None after problems."""
    data = load_yaml(text, path, line + 1, problems)
    return exercise_from(data, key_lines(text.splitlines(), line + 1), path, line, problems)


def exercise_from(
    data: Any, lines: dict[str, int], path: Path, line: int, problems: Problems
) -> Exercise | None:
    """The exercise a block's parsed YAML (``data``, its keys at ``lines``) defines."""

    def error(key: str, message: str) -> None:
        problems.error(path, lines.get(key, line), message)

    if not isinstance(data, dict):
        if data is not None or not problems.errors:
            problems.error(path, line, "an exercise needs 'id:', 'type:' and its options")
        return None
    before = len(problems.errors)
    exercise_id, name = data.get("id"), data.get("type")
    if not isinstance(exercise_id, str) or not ID.match(exercise_id):
        error("id", "exercise needs an 'id' of a-z, 0-9 and '-'")
        exercise_id = "?"
    label = f"exercise {exercise_id!r}"
    kind = TYPES.get(name) if isinstance(name, str) else None
    if kind is None:
        error("type", f"{label}: unknown type {name!r} (use one of {', '.join(TYPES)})")
        return None
    options = Options(data, label, error)
    for key in sorted(kind.required - set(data)):
        error("type", f"{label}: missing option {key!r}")
    for key in sorted(set(data) - kind.required - kind.optional - COMMON_OPTIONS):
        error(key, f"{label}: unknown option {key!r} for type {name!r}")
    fields = kind.options_from(options)
    plan = options.text("plan") if "plan" in data else ""
    if "plan" in data and plan not in PLAN_SECTIONS:
        error("plan", f"{label}: unknown plan section (use one of {', '.join(PLAN_SECTIONS)})")
    private = options.flag("private")
    if private and plan:
        error(
            "plan",
            f"{label}: 'plan' cannot go with 'private: true' (answers about past offences never go into the plan)",
        )
    prompt = options.required_text(kind.prompt_key)
    hint = options.text("hint")
    if len(problems.errors) > before:
        return None
    return kind(id=exercise_id, prompt=prompt, hint=hint, plan=plan, private=private, **fields)
