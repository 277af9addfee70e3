"""Chart geometry for inline SVG: where each point, bar, tick and label goes. No Flask here.

Pages draw charts on the server (templates/charts/svg.html) from these shapes: no JavaScript,
no library at runtime, nothing fetched. Every chart sits next to a table of the same figures,
which is what screen readers, print and the Markdown download rely on.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

WIDTH, HEIGHT = 420, 210
LEFT, RIGHT, TOP, BOTTOM = 34, 10, 22, 34  # room for the value ticks and the labels below
MAX_LABELS = 5  # labels under the axis, at most; the table names every point
DENSE = 16  # past this many points, each figure is left to the table (they would overlap)


@dataclass(frozen=True)
class Mark:
    """One point or bar: where it is drawn, its figure, and its label under the axis."""

    x: float
    y: float  # top of the bar, or the point
    label: str
    text: str  # the figure as shown ("7", or "<10" for a hidden small cell)
    labelled: bool  # whether its label is written under the axis (the others: in the table)
    hidden: bool = False  # a small cell: no bar, only its "<N"


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    left: int
    right: int  # x where the plot ends
    top: int
    base: int  # y of the horizontal axis
    ticks: tuple[tuple[float, int], ...]  # (y, value) of each horizontal guide line
    marks: tuple[Mark, ...]
    bar_width: float

    @property
    def dense(self) -> bool:
        """Too many points to write each one's figure above it: only the last one's is."""
        return len(self.marks) > DENSE

    @property
    def polyline(self) -> str:
        return " ".join(f"{m.x:.1f},{m.y:.1f}" for m in self.marks if not m.hidden)


def _layout(count: int) -> tuple[float, list[float], list[bool]]:
    plot = WIDTH - LEFT - RIGHT
    step = plot / max(count, 1)
    xs = [LEFT + (i + 0.5) * step for i in range(count)]
    every = max(1, math.ceil(count / MAX_LABELS))
    # The last point is always labelled: it is the one the visitor looks for first.
    labelled = [(count - 1 - i) % every == 0 for i in range(count)]
    return step, xs, labelled


def _y(value: float, low: int, high: int) -> float:
    span = max(high - low, 1)
    return HEIGHT - BOTTOM - (value - low) / span * (HEIGHT - BOTTOM - TOP)


def _ticks(low: int, high: int) -> tuple[tuple[float, int], ...]:
    step = max(1, math.ceil((high - low) / 5))
    return tuple((_y(v, low, high), v) for v in range(low, high + 1, step))


def line_chart(
    points: Sequence[tuple[str, int]],
    low: int = 0,
    high: int = 10,
    slots: Sequence[int] | None = None,
) -> Chart:
    """A ruler over time: one point per answer, joined by a line. With ``slots`` (each point's
    place, such as its week counted from the first), points sit where their time is: a missed
    week leaves a gap instead of drawing the next answer a week early."""
    places = list(slots) if slots is not None else list(range(len(points)))
    _, xs, _ = _layout(max(places, default=-1) + 1)
    _, _, labelled = _layout(len(points))
    marks = tuple(
        Mark(xs[place], _y(value, low, high), label, str(value), shown)
        for place, (label, value), shown in zip(places, points, labelled, strict=True)
    )
    return Chart(
        WIDTH, HEIGHT, LEFT, WIDTH - RIGHT, TOP, HEIGHT - BOTTOM, _ticks(low, high), marks, 0
    )


def bar_chart(bars: Sequence[tuple[str, int | None]], hidden_text: str = "") -> Chart:
    """Counts as bars; a count of None is a hidden small cell, drawn as ``hidden_text``."""
    step, xs, labelled = _layout(len(bars))
    high = max([n for _, n in bars if n is not None] + [1])
    high = _round_up(high)
    marks = tuple(
        Mark(x, _y(n or 0, 0, high), label, hidden_text if n is None else str(n), shown, n is None)
        for x, (label, n), shown in zip(xs, bars, labelled, strict=True)
    )
    return Chart(
        WIDTH,
        HEIGHT,
        LEFT,
        WIDTH - RIGHT,
        TOP,
        HEIGHT - BOTTOM,
        _ticks(0, high),
        marks,
        round(step * 0.7, 1),
    )


def _round_up(value: int) -> int:
    """A tidy top for the value axis: 5, 10, 20, 50, 100, 200, 500, ..."""
    top, factors = 5.0, itertools.cycle((2, 2, 2.5))
    while top < value:
        top *= next(factors)
    return int(top)
