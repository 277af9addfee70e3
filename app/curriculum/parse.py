"""Splits a module file into front matter, introduction and steps, keeping line numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..authoring import ID, Problems, key_lines, load_yaml

STEP_HEADING = re.compile(r"^##\s+(?P<title>.+?)\s*\{#(?P<id>[^}\s]+)\}\s*$")
FENCE = re.compile(r"^(?P<fence>`{3,}|~{3,})\s*(?P<info>[\w-]*)\s*$")


@dataclass
class RawBlock:
    line: int
    text: str
    is_exercise: bool = False


@dataclass
class RawStep:
    id: str
    title: str
    line: int
    blocks: list[RawBlock] = field(default_factory=list)


@dataclass
class RawModule:
    path: Path
    meta: dict[str, Any]
    meta_lines: dict[str, int]
    intro: RawBlock
    steps: list[RawStep]


def read_module(path: Path, problems: Problems) -> RawModule | None:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as error:
        problems.error(path, 1, f"file is not UTF-8 text ({error.reason})")
        return None
    except OSError as error:  # removed or renamed while it was being read (an editor saving)
        problems.error(path, 1, f"file could not be read ({error.strerror})")
        return None
    meta, meta_lines, body_start = _front_matter(path, lines, problems)
    if meta is None:
        return None
    intro, steps = _body(path, lines, body_start, problems)
    return RawModule(path, meta, meta_lines, intro, steps)


def _front_matter(
    path: Path, lines: list[str], problems: Problems
) -> tuple[dict[str, Any] | None, dict[str, int], int]:
    if not lines or lines[0].strip() != "---":
        problems.error(path, 1, "the file must start with front matter between '---' lines")
        return None, {}, 0
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        problems.error(path, 1, "front matter is not closed with a '---' line")
        return None, {}, 0
    data = load_yaml("\n".join(lines[1:end]), path, 2, problems)
    if data is None:
        return None, {}, 0
    if not isinstance(data, dict):
        problems.error(path, 2, "front matter must be a list of 'key: value' lines")
        return None, {}, 0
    return data, key_lines(lines[1:end], 2), end + 1


def _body(
    path: Path, lines: list[str], start: int, problems: Problems
) -> tuple[RawBlock, list[RawStep]]:
    intro = RawBlock(start + 1, "")
    steps: list[RawStep] = []
    text: list[str] = []
    text_line = start + 1
    fence: str | None = None
    fence_line = 0
    exercise: list[str] | None = None

    def flush(next_line: int) -> None:
        nonlocal text, text_line
        block = RawBlock(text_line, "\n".join(text))
        if steps:
            if block.text.strip():
                steps[-1].blocks.append(block)
        else:
            intro.text, intro.line = block.text, block.line
        text, text_line = [], next_line

    for number, line in enumerate(lines[start:], start=start + 1):
        if fence is not None:
            if line.strip() == fence:
                if exercise is not None:
                    steps[-1].blocks.append(RawBlock(fence_line, "\n".join(exercise), True))
                    exercise, text_line = None, number + 1
                else:
                    text.append(line)
                fence = None
            elif exercise is not None:
                exercise.append(line)
            else:
                text.append(line)
            continue
        match = FENCE.match(line)
        if match:
            fence, fence_line = match.group("fence"), number
            if match.group("info") == "exercise":
                if not steps:
                    problems.error(
                        path, number, "an exercise must be inside a step ('## ' heading)"
                    )
                    steps.append(RawStep("", "", number))
                flush(number)
                exercise = []
            else:
                text.append(line)
        elif line.startswith("## "):
            flush(number + 1)
            heading = STEP_HEADING.match(line)
            if not heading:
                problems.error(path, number, "a step heading needs an id: '## Title {#step-id}'")
                steps.append(RawStep("", line[3:].strip(), number))
            else:
                step_id = heading.group("id").removeprefix("#")
                if not ID.match(step_id):
                    problems.error(path, number, f"step id {step_id!r} must use a-z, 0-9 and '-'")
                steps.append(RawStep(step_id, heading.group("title"), number))
        elif line.startswith("# "):
            problems.error(
                path, number, "do not use '# ' headings: the title comes from front matter"
            )
        else:
            text.append(line)
    if fence is not None:
        problems.error(
            path, fence_line, f"code or exercise block opened here is never closed ({fence})"
        )
    flush(len(lines) + 1)
    return intro, steps
