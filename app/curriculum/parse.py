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


@dataclass(frozen=True)
class _Fenced:
    """A fenced block: the line of its opening fence, its lines (fences included; one never
    closed runs to the end of the file)."""

    line: int
    lines: list[str]
    is_exercise: bool
    closed: bool


Piece = tuple[int, str] | _Fenced  # an unfenced line (its number, its text), or a fenced block


def _pieces(path: Path, lines: list[str], start: int, problems: Problems) -> list[Piece]:
    """The body's lines, each fenced block gathered into one piece: a ``## `` inside a fence
    is text, never a heading."""
    pieces: list[Piece] = []
    index = start
    while index < len(lines):
        match = FENCE.match(lines[index])
        if not match:
            pieces.append((index + 1, lines[index]))
            index += 1
            continue
        fence = match.group("fence")
        end = next((i for i in range(index + 1, len(lines)) if lines[i].strip() == fence), None)
        if end is None:
            problems.error(
                path, index + 1, f"code or exercise block opened here is never closed ({fence})"
            )
        last = len(lines) - 1 if end is None else end
        exercise = match.group("info") == "exercise"
        pieces.append(_Fenced(index + 1, lines[index : last + 1], exercise, end is not None))
        index = last + 1
    return pieces


def _sections(pieces: list[Piece]) -> list[tuple[tuple[int, str] | None, list[Piece]]]:
    """The pieces split at ``## `` headings: (the heading, the pieces under it); the first
    section, before any heading, has none."""
    sections: list[tuple[tuple[int, str] | None, list[Piece]]] = [(None, [])]
    for piece in pieces:
        if isinstance(piece, tuple) and piece[1].startswith("## "):
            sections.append((piece, []))
        else:
            sections[-1][1].append(piece)
    return sections


def _step(path: Path, number: int, line: str, problems: Problems) -> RawStep:
    heading = STEP_HEADING.match(line)
    if not heading:
        problems.error(path, number, "a step heading needs an id: '## Title {#step-id}'")
        return RawStep("", line[3:].strip(), number)
    step_id = heading.group("id").removeprefix("#")
    if not ID.match(step_id):
        problems.error(path, number, f"step id {step_id!r} must use a-z, 0-9 and '-'")
    return RawStep(step_id, heading.group("title"), number)


def _blocks(
    path: Path, pieces: list[Piece], first_line: int, problems: Problems
) -> tuple[list[RawBlock], RawBlock]:
    """The blocks of one section: runs of text between exercises, and the exercises; plus the
    text after the last exercise (which becomes the introduction before any step)."""
    blocks: list[RawBlock] = []
    text: list[str] = []
    text_line = first_line
    for piece in pieces:
        if isinstance(piece, tuple):
            number, line = piece
            if line.startswith("# "):
                problems.error(
                    path, number, "do not use '# ' headings: the title comes from front matter"
                )
            else:
                text.append(line)
        elif not piece.is_exercise:
            text.append("\n".join(piece.lines))
        else:
            blocks.append(RawBlock(text_line, "\n".join(text)))
            if piece.closed:
                blocks.append(RawBlock(piece.line, "\n".join(piece.lines[1:-1]), True))
            text, text_line = [], piece.line + len(piece.lines)
    return blocks, RawBlock(text_line, "\n".join(text))


def _body(
    path: Path, lines: list[str], start: int, problems: Problems
) -> tuple[RawBlock, list[RawStep]]:
    intro = RawBlock(start + 1, "")
    steps: list[RawStep] = []
    for heading, pieces in _sections(_pieces(path, lines, start, problems)):
        if heading is None:
            first_line = start + 1
            exercise = next((p for p in pieces if isinstance(p, _Fenced) and p.is_exercise), None)
            if exercise is None:
                intro = _blocks(path, pieces, first_line, problems)[1]
                continue
            # Reported, and kept in a step of its own so that it is still checked.
            problems.error(path, exercise.line, "an exercise must be inside a step ('## ' heading)")
            steps.append(RawStep("", "", exercise.line))
        else:
            first_line = heading[0] + 1
            steps.append(_step(path, *heading, problems))
        blocks, rest = _blocks(path, pieces, first_line, problems)
        steps[-1].blocks.extend(b for b in (*blocks, rest) if b.is_exercise or b.text.strip())
    return intro, steps
