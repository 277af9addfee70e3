"""Reads one ```rule block: when it holds (``when:``), what it does, and why in plain words.

```rule
id: alone
when:
  lonely: {from: 7}          # a scale: from and/or to, both included
  people: [no-one, unsure]   # a choice or checklist: any of these option ids
suggest: relationships       # or: crisis: true / young: true / urgent: true
because: You said you often feel alone: the module on relationships may help early.
```
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from ...authoring import ID, Problems, key_lines, load_yaml
from ..exercises.scale import Scale
from .model import EFFECTS, Condition, Question, Rule

KEYS = frozenset({"id", "when", "because", *EFFECTS})


def read_rule(
    text: str,
    path: Path,
    line: int,
    questions: Mapping[str, Question],
    modules: frozenset[str],
    problems: Problems,
) -> Rule | None:
    """The rule a block defines; ``questions`` are those above it, ``modules`` the slugs."""
    data = load_yaml(text, path, line + 1, problems)
    lines = key_lines(text.splitlines(), line + 1)
    if not isinstance(data, dict):
        problems.error(path, line, "a rule needs 'id:', 'when:', what it does and 'because:'")
        return None
    rule_id = data.get("id")
    label = f"rule {rule_id!r}"

    def error(key: str, message: str) -> None:
        problems.error(path, lines.get(key, line), f"{label}: {message}")

    before = len(problems.errors)
    if not isinstance(rule_id, str) or not ID.match(rule_id):
        error("id", "needs an 'id' of a-z, 0-9 and '-'")
    for key in sorted(set(data) - KEYS):
        error(key, f"unknown key {key!r} (use {', '.join(sorted(KEYS))})")
    effects = [key for key in EFFECTS if key in data]
    if len(effects) != 1:
        error("id", "says what it does with exactly one of: " + ", ".join(EFFECTS))
        return None
    effect, module = effects[0], ""
    if effect == "suggest":
        module = data["suggest"]
        if module not in modules:
            error("suggest", f"unknown module {module!r} (use a module's slug)")
    elif data[effect] is not True:
        error(effect, f"write '{effect}: true'")
    because = data.get("because")
    if not isinstance(because, str) or not because.strip():
        error("because", "needs 'because:', the reason in plain words for the visitor")
    nested = _nested_lines(text, line + 1, lines.get("when"))

    def when_error(question: str, message: str) -> None:
        problems.error(path, nested.get(question, lines.get("when", line)), f"{label}: {message}")

    when = _conditions(data.get("when"), questions, when_error)
    if len(problems.errors) > before:
        return None
    return Rule(str(rule_id), when, effect, str(because).strip(), str(module), line)


def _nested_lines(text: str, first_line: int, when_line: int | None) -> dict[str, int]:
    """The line of each question id under ``when:``, for messages about that condition."""
    found: dict[str, int] = {}
    if when_line is None:
        return found
    for offset, content in enumerate(text.splitlines()):
        number = first_line + offset
        match = re.match(r"^\s+([a-z0-9-]+)\s*:", content)
        if number > when_line and match:
            found.setdefault(match.group(1), number)
        elif number > when_line and content.strip() and not content[0].isspace():
            break  # the next top-level key: the end of ``when:``
    return found


def _conditions(
    when: Any, questions: Mapping[str, Question], error: Callable[[str, str], None]
) -> tuple[Condition, ...]:
    """``error(question id or "", message)`` reports at the line of that condition."""
    if not isinstance(when, dict) or not when:
        error("", "needs 'when:' with at least one question id and its answers")
        return ()
    found = []
    for question_id, wanted in when.items():
        question = questions.get(question_id)
        if question is None:
            error(
                str(question_id), f"unknown question {question_id!r} (questions come before rules)"
            )
            continue
        condition = _condition(question, wanted, functools.partial(error, str(question_id)))
        if condition is not None:
            found.append(condition)
    return tuple(found)


def _condition(question: Question, wanted: Any, error: Callable[[str], None]) -> Condition | None:
    name = question.id
    exercise = question.exercise
    if isinstance(exercise, Scale):
        if not isinstance(wanted, dict) or not wanted or set(wanted) - {"from", "to"}:
            error(f"{name!r} is a scale: write {{from: N}}, {{to: N}} or both")
            return None
        low, high = wanted.get("from"), wanted.get("to")
        if any(v is not None and (type(v) is not int) for v in (low, high)):
            error(f"{name!r}: 'from' and 'to' are whole numbers")
            return None
        condition = Condition(name, low=low, high=high)
    else:
        if not isinstance(wanted, list) or not wanted:
            error(f"{name!r}: list the option ids, such as [{', '.join(question.values[:2])}]")
            return None
        unknown = [str(v) for v in wanted if v not in question.values]
        if unknown:
            error(f"{name!r}: unknown option {', '.join(map(repr, unknown))} "
                  f"(its options: {', '.join(question.values)})")  # fmt: skip
            return None
        condition = Condition(name, options=frozenset(wanted))
    if not any(condition.holds(value) for value in question.possible()):
        assert isinstance(exercise, Scale)  # a known option always can be chosen
        error(f"is unreachable: answers to {name!r} go from "
              f"{exercise.minimum} to {exercise.maximum}")  # fmt: skip
        return None
    return condition
