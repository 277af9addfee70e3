"""Reads ``content/<lang>/self-check.md``: front matter, an introduction, then blocks.

```question blocks are exercises of the registry (choice, checklist or scale) whose options
carry ids; ```rule blocks say which answers lead where. Every problem is reported at its
``path:line`` and reading carries on, as for modules (docs/authoring.md).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from ...authoring import ID, Problems, key_lines, load_yaml
from ..exercises import exercise_from
from ..exercises.checklist import Checklist
from ..exercises.choice import Choice
from ..exercises.scale import Scale
from ..render import Renderer
from .model import Condition, Question, Rule, SelfCheck
from .rules import read_rule

FILE_NAME = "self-check.md"
BLOCK_ID = re.compile(r"^id:\s*['\"]?([^'\"\s]+)", re.M)
BLOCK = re.compile(r"^(?P<fence>`{3,}|~{3,})\s*(?P<kind>[\w-]*)\s*$")
META_KEYS = frozenset({"title", "review"})
QUESTION_TYPES = {kind.name: kind for kind in (Choice, Checklist, Scale)}
OWN_KEYS = ("track", "short")  # the self-check's own keys, beside the exercise's options
NOT_HERE = ("other", "plan", "feedback", "count")  # free text, the plan, feedback: not here


def read_self_check(
    path: Path,
    modules: frozenset[str],
    renderer: Renderer,
    problems: Problems,
    require_reviewed: bool = False,
) -> SelfCheck | None:
    """The self-check in ``path`` (checked against the locale's module slugs), or None."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (UnicodeDecodeError, OSError) as error:
        problems.error(path, 1, f"file could not be read as UTF-8 text ({error})")
        return None
    if not lines or lines[0].strip() != "---":
        problems.error(path, 1, "the file must start with front matter between '---' lines")
        return None
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if end is None:
        problems.error(path, 1, "front matter is not closed with a '---' line")
        return None
    meta = _meta(path, lines[1:end], problems)
    if require_reviewed and meta.get("review") != "reviewed":
        line = key_lines(lines[1:end], 2).get("review", 2)
        problems.error(path, line, "the self-check is still a draft (review: draft)")
    intro, blocks = _split(path, lines, end + 1, problems)
    questions: list[Question] = []
    rules: list[Rule] = []
    broken: set[str] = set()
    for kind, line, text in blocks:
        named = BLOCK_ID.search(text)
        before = len(problems.errors)
        if kind == "question":
            question = read_question(text, path, line, problems)
            if question is not None and any(q.id == question.id for q in questions):
                problems.error(path, line, f"question id {question.id!r} is used twice")
            elif question is not None:
                questions.append(question)
        else:
            known = {q.id: q for q in questions}
            rule = read_rule(text, path, line, known, modules, problems)
            if rule is not None and any(r.id == rule.id for r in rules):
                problems.error(path, line, f"rule id {rule.id!r} is used twice")
            elif rule is not None:
                rules.append(rule)
        if len(problems.errors) > before and named:
            broken.add(named.group(1))  # reported here: not again as missing in other languages
    if not questions:
        problems.error(path, end + 1, "the self-check has no ```question blocks")
    _check_reachable(path, rules, problems)
    _check_used(path, questions, rules, problems)

    def report(message: str, needle: str) -> None:
        problems.error(path, end + 2, message)

    return SelfCheck(
        title=str(meta.get("title", "")).strip(),
        intro=renderer.render(intro, report, prefix=""),
        questions=tuple(questions),
        rules=tuple(rules),
        path=path,
        review=str(meta.get("review", "draft")),
        broken=frozenset(broken),
    )


def _meta(path: Path, lines: list[str], problems: Problems) -> dict[str, Any]:
    data = load_yaml("\n".join(lines), path, 2, problems)
    where = key_lines(lines, 2)
    if not isinstance(data, dict):
        problems.error(path, 2, "front matter needs 'title:' and 'review:'")
        return {}
    for key in sorted(set(data) - META_KEYS):
        problems.error(path, where.get(key, 2), f"unknown front matter key {key!r}")
    if not isinstance(data.get("title"), str) or not data["title"].strip():
        problems.error(path, where.get("title", 2), "'title' must be non-empty text")
    if data.get("review") not in ("draft", "reviewed"):
        problems.error(path, where.get("review", 2), "'review' must be 'draft' or 'reviewed'")
    return data


def _split(
    path: Path, lines: list[str], start: int, problems: Problems
) -> tuple[str, list[tuple[str, int, str]]]:
    """The introduction (Markdown before the first block) and each block: kind, line, text."""
    intro: list[str] = []
    blocks: list[tuple[str, int, str]] = []
    fence, kind, opened = "", "", 0
    body: list[str] = []
    for number, line in enumerate(lines[start:], start=start + 1):
        if fence:
            if line.strip() == fence:
                blocks.append((kind, opened, "\n".join(body)))
                fence = ""
            else:
                body.append(line)
            continue
        match = BLOCK.match(line)
        if match and match["kind"] in ("question", "rule"):
            fence, kind, body, opened = match["fence"], match["kind"], [], number
        elif match:
            problems.error(path, number, "only ```question and ```rule blocks belong here")
            fence, kind, body, opened = match["fence"], "", [], number
        elif not blocks:
            intro.append(line)
        elif line.strip() and not line.lstrip().startswith("<!--"):
            problems.error(
                path, number, "text after the first block: put it in a question's 'hint'"
            )
    if fence:
        problems.error(path, opened, f"block opened here is never closed ({fence})")
    return "\n".join(intro), [b for b in blocks if b[0]]


def read_question(text: str, path: Path, line: int, problems: Problems) -> Question | None:
    data = load_yaml(text, path, line + 1, problems)
    lines = key_lines(text.splitlines(), line + 1)
    if not isinstance(data, dict):
        problems.error(path, line, "a question needs 'id:', 'type:', 'prompt:' and its options")
        return None
    label = f"question {data.get('id')!r}"

    def error(key: str, message: str) -> None:
        problems.error(path, lines.get(key, line), f"{label}: {message}")

    before = len(problems.errors)
    kind = data.get("type")
    if kind not in QUESTION_TYPES:
        error("type", f"type must be one of {', '.join(QUESTION_TYPES)}")
        return None
    for key in NOT_HERE:
        if key in data:
            error(key, f"{key!r} is not used in the self-check")
    values, data = _option_ids(data, error)
    own = {key: data.pop(key) for key in OWN_KEYS if key in data}
    exercise = exercise_from(data, lines, path, line, problems)
    if exercise is None or len(problems.errors) > before:
        return None
    assert isinstance(exercise, Choice | Checklist | Scale)
    track, short = _tracking(own, exercise, error)
    return Question(exercise, values, track, short, line)


def _option_ids(
    data: dict[str, Any], error: Callable[[str, str], None]
) -> tuple[tuple[str, ...], dict[str, Any]]:
    """Options are written ``- id: wording``; the exercise gets the wordings, in order."""
    options = data.get("options")
    if options is None:
        return (), data
    pairs = (
        [o for o in options if isinstance(o, dict) and len(o) == 1]
        if isinstance(options, list)
        else []
    )
    if not isinstance(options, list) or len(pairs) != len(options):
        error("options", "each option is written '  - option-id: what the visitor reads'")
        return (), {**data, "options": []}
    if any(isinstance(next(iter(o)), bool) for o in pairs):
        error("options", "YAML reads an option id such as 'yes' or 'no' as true/false: "
              "choose another word")  # fmt: skip
    if any(isinstance(next(iter(o.values())), bool) for o in pairs):
        error("options", 'YAML reads a wording such as Yes or No as true/false: '
              'put it in quotes, such as "No"')  # fmt: skip
    values = tuple(str(next(iter(o))) for o in pairs)
    for value in values:
        if not ID.match(value):
            error("options", f"option id {value!r} must use a-z, 0-9 and '-'")
    if len(set(values)) != len(values):
        error("options", "each option needs its own id")
    return values, {**data, "options": [next(iter(o.values())) for o in pairs]}


def _tracking(
    own: Mapping[str, Any], exercise: Choice | Checklist | Scale, error: Callable[[str, str], None]
) -> tuple[str, Scale | None]:
    track, short = own.get("track", ""), own.get("short", "")
    if not track and not short:
        return "", None
    if not isinstance(exercise, Scale):
        error("track", "only a 'scale' question can be followed over time")
        return "", None
    if not (isinstance(track, str) and track.strip() and isinstance(short, str) and short.strip()):
        error(
            "track",
            "'track' (its name on the charts) and 'short' (the check-in's wording) go together",
        )
        return "", None
    shorter = Scale(
        id=f"factor-{exercise.id}",
        prompt=short.strip(),
        minimum=exercise.minimum,
        maximum=exercise.maximum,
        min_label=exercise.min_label,
        max_label=exercise.max_label,
    )
    return track.strip(), shorter


def _check_reachable(path: Path, rules: list[Rule], problems: Problems) -> None:
    seen: dict[tuple[Any, ...], str] = {}
    for rule in rules:
        if rule.shape() in seen:
            problems.error(
                path,
                rule.line,
                f"rule {rule.id!r} is unreachable: rule {seen[rule.shape()]!r} above "
                "already does the same for the same answers",
            )
        seen.setdefault(rule.shape(), rule.id)


def _check_used(
    path: Path, questions: list[Question], rules: list[Rule], problems: Problems
) -> None:
    used = {c.question for rule in rules for c in rule.when}
    for question in questions:
        if question.id not in used and not question.track:
            problems.warn(
                path, question.line, f"question {question.id!r} is used by no rule and not tracked"
            )


__all__ = ["FILE_NAME", "Condition", "read_self_check"]
