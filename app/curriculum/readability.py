"""How easy each step is to read, in its own language, for ``flask content check`` and review.

Scores are on the Flesch scale (0 to 100, higher is easier): Flesch reading ease for English,
and for Spanish Szigriszt-Pazos' adaptation as the INFLESZ scale reads it (Barrio-Cantalejo
et al., 2008), both from ``textstat``. The minimums, and why, are in docs/authoring.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from html.parser import HTMLParser
from typing import Any

from ..authoring import Problems, shown_path
from .model import Catalog, Module, Prose, Step

# Per language: the formula's name, its textstat method and the lowest acceptable score.
FORMULAS = {
    "en": ("Flesch reading ease", "flesch_reading_ease", 60.0),
    "es": ("Szigriszt-Pazos (INFLESZ)", "szigriszt_pazos", 55.0),
}
MIN_WORDS = 40  # below this a score says little about a text: shorter steps are not judged
LONGEST_SHOWN = 2
BLOCKS = frozenset({"p", "li", "h3", "h4", "h5", "h6", "blockquote", "dt", "dd", "td", "th", "pre"})
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
WORD = re.compile("\\w+(?:[-'\u2019]\\w+)*")


@dataclass(frozen=True)
class Readability:
    formula: str
    score: float
    minimum: float
    words: int
    longest: tuple[tuple[int, str], ...]  # (words, sentence), longest first

    @property
    def judged(self) -> bool:
        return self.words >= MIN_WORDS

    @property
    def too_hard(self) -> bool:
        return self.judged and self.score < self.minimum


class _Text(HTMLParser):
    """The readable text of rendered HTML, one piece per paragraph, list item or heading."""

    def __init__(self) -> None:
        super().__init__()
        self.pieces: list[str] = []
        self._buffer: list[str] = []

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in BLOCKS:
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCKS:
            self.flush()

    def handle_data(self, data: str) -> None:
        self._buffer.append(data)

    def flush(self) -> None:
        text = " ".join("".join(self._buffer).split())
        self._buffer = []
        if text:
            self.pieces.append(text)


def sentences(step: Step) -> list[str]:
    """The step's sentences as a visitor reads them: its prose and its exercises' questions.

    A list item or heading without a full stop still ends a sentence, as it does for a reader.
    """
    pieces: list[str] = []
    for block in step.blocks:
        if isinstance(block, Prose):
            parser = _Text()
            parser.feed(str(block.html))
            parser.close()
            parser.flush()
            pieces += parser.pieces
        else:
            pieces += [t for t in (block.prompt, block.hint, *_explained(block)) if t]
    found = []
    for piece in pieces:
        piece = piece if piece[-1] in ".!?…:;" else piece + "."
        found += [s for s in SENTENCE_END.split(piece) if WORD.search(s)]
    return found


def _explained(exercise: object) -> Iterator[str]:
    explanation = getattr(exercise, "explanation", "")
    if explanation:
        yield explanation
    yield from getattr(exercise, "feedback", ())


@cache
def _scorer(locale: str) -> Any:
    from textstat.textstat import textstatistics  # only authors' tools need it: not at start-up

    scorer = textstatistics()
    scorer.set_lang(locale)
    return scorer


def warm(catalog: Catalog) -> None:
    """Score every step once, so that the preview's first ``/review/`` finds them scored.

    Performance (docs/performance.md): the first English score loads the CMU pronouncing
    dictionary (135,000 lines, ~1.5 s) and every step takes a few milliseconds; the first
    ``/review/`` took ~1.9 s. The preview calls this in a thread of its own as it starts.
    """
    measure_catalog(catalog)


@lru_cache(maxsize=8192)  # a step is immutable; an edited one is another step
def measure(step: Step, locale: str) -> Readability | None:
    """The step's score in its language; None for a language without a formula here."""
    if locale.split("_")[0] not in FORMULAS:
        return None
    formula, method, minimum = FORMULAS[locale.split("_")[0]]
    found = sentences(step)
    text = " ".join(found)
    counted = sorted(((len(WORD.findall(s)), s) for s in found), key=lambda c: -c[0])
    score = float(getattr(_scorer(locale), method)(text)) if text else 100.0
    words = sum(n for n, _ in counted)
    return Readability(formula, round(score, 1), minimum, words, tuple(counted[:LONGEST_SHOWN]))


@dataclass(frozen=True)
class StepReading:
    locale: str
    module: Module
    step: Step
    readability: Readability


def measure_catalog(catalog: Catalog) -> list[StepReading]:
    return [
        StepReading(locale, module, step, found)
        for locale in catalog.locales
        for module in catalog.modules(locale)
        for step in module.steps
        if (found := measure(step, locale)) is not None
    ]


def describe(reading: StepReading) -> str:
    """One line for the check: where, the score against its minimum, and the longest sentences."""
    found = reading.readability
    judged = "" if found.judged else f", not judged under {MIN_WORDS} words"
    longest = ", ".join(f'{words} words "{_clip(text)}"' for words, text in found.longest)
    return (
        f"{shown_path(reading.module.path)}:{reading.step.line}: step {reading.step.id!r}: "
        f"{found.formula} {found.score:g} (minimum {found.minimum:g}{judged}); "
        f"{found.words} words; longest sentences: {longest}"
    )


def check_readability(catalog: Catalog, problems: Problems) -> list[StepReading]:
    """Measure every step; a step harder than its language's minimum is a warning."""
    readings = measure_catalog(catalog)
    for reading in readings:
        found = reading.readability
        if found.too_hard:
            problems.warn(
                reading.module.path,
                reading.step.line,
                f"step {reading.step.id!r} is hard to read: {found.formula} {found.score:g}, "
                f"below {found.minimum:g} by {found.minimum - found.score:.1f} "
                f"(shorter sentences and words help; longest: {found.longest[0][0]} words)",
            )
    return readings


def _clip(sentence: str, limit: int = 70) -> str:
    return sentence if len(sentence) <= limit else sentence[: limit - 1] + "…"
