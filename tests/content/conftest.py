"""What the shipped-curriculum tests share: the catalog, and the text a visitor reads."""

from __future__ import annotations

import dataclasses
import html
import re
from pathlib import Path

import pytest

from app.curriculum import Prose, check_tree
from tests.support.apps import ROOT, SHIPPED_CONTENT

LANGS = ("en", "es")
FACTS = ROOT / "docs" / "facts.md"  # the checked facts content may state
SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"»”]))\s+")


@pytest.fixture(scope="session")
def catalog():
    """The shipped curriculum in both languages, read once; it must load without errors."""
    catalog, problems = check_tree(SHIPPED_CONTENT, LANGS)
    assert problems.errors == [], "\n".join(map(str, problems.errors))
    return catalog


def plain(markup) -> str:
    """Text without tags, entities or no-break spaces; each paragraph, list item or heading on a
    line of its own, its spaces collapsed."""
    text = re.sub(r"</(p|li|h\d|blockquote|dd|dt)>|<br\s*/?>", "\n", str(markup))
    text = html.unescape(re.sub(r"<[^>]+>", " ", text)).replace("\xa0", " ")
    return "\n".join(re.sub(r"\s+", " ", line).strip() for line in text.splitlines()).strip()


def exercise_texts(exercise) -> list[str]:
    """Everything a visitor reads in an exercise: prompt, hint, options, feedback, labels."""
    texts = []
    for field in dataclasses.fields(exercise):
        if field.name in {"id", "plan", "answer", "private"}:
            continue
        value = getattr(exercise, field.name)
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, tuple) and all(isinstance(v, str) for v in value):
            texts.extend(value)
    return [t for t in texts if t]


def step_prose(step) -> str:
    """The step's own text (exercises left out), one line per paragraph or list item."""
    return "\n".join(plain(b.html) for b in step.blocks if isinstance(b, Prose))


def step_html(step) -> str:
    return "".join(str(b.html) for b in step.blocks if isinstance(b, Prose))


def step_text(step) -> str:
    """Everything a visitor reads on the step page, on one line."""
    parts = []
    for block in step.blocks:
        parts += [plain(block.html)] if isinstance(block, Prose) else exercise_texts(block)
    return re.sub(r"\s+", " ", " ".join(parts)).strip()


def module_text(module) -> str:
    """The module's introduction, then each step's text on a line of its own."""
    return "\n".join([plain(module.intro)] + [step_text(s) for s in module.steps])


def sentences(text: str) -> list[str]:
    """Sentences, never across a line break."""
    return [s for line in text.splitlines() for s in SENTENCE_END.split(line) if s.strip()]


def source_files(lang: str) -> list[Path]:
    """Every file of one language a visitor reads: modules, pages and the help directory."""
    folder = SHIPPED_CONTENT / lang
    return [*sorted(folder.rglob("*.md")), folder / "help.yaml"]


def source_text(path: Path) -> str:
    """A content file's text with its line wrapping undone (each Markdown block on one line)."""
    blocks = re.split(r"\n\s*\n|\n(?=\s*(?:[-*]|\d+\.)\s)", path.read_text(encoding="utf-8"))
    return "\n".join(" ".join(block.split()) for block in blocks if block.strip())
