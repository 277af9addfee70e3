"""The visitor's follow-up over time: each ruler from its starting answer through every
check-in, as a chart and as the rows of its table. No Flask here."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from flask_babel import lazy_gettext as _l

from ..charts import Chart, line_chart
from ..curriculum import Module
from ..curriculum.rulers import starting_rulers
from .checkins import RULERS, CheckIn, history, series

RULER_TITLES = {
    "importance": _l("How important change is to me"),
    "confidence": _l("How confident I am that I can change"),
    "urges": _l("How strong my urges have been"),
}


@dataclass(frozen=True)
class RulerHistory:
    name: str
    title: str
    chart: Chart  # its marks are also the rows of the ruler's table: label, figure


@dataclass(frozen=True)
class Progress:
    check_ins: tuple[CheckIn, ...]  # oldest first
    start: dict[str, int | None]  # the starting rulers' answers, where given
    rulers: tuple[RulerHistory, ...]


def start_values(
    modules: Sequence[Module], answers: Mapping[str, dict[str, Any]]
) -> dict[str, int | None]:
    """The visitor's answers to the starting rulers (None where not answered); urges have none."""
    found = starting_rulers(modules)
    given = answers.get(found.module.slug, {}) if found else {}
    return {name: value if type(value := given.get(name)) is int else None for name in RULERS}


def progress(
    modules: Sequence[Module],
    answers: Mapping[str, dict[str, Any]],
    stored: Sequence[Any],
    name_week: Callable[[str], str] = str,
) -> Progress:
    """Every check-in and each ruler's chart; ``name_week`` names a week for its label (the
    download: its Monday's date, history.week_label)."""
    check_ins = tuple(history(stored))
    start = start_values(modules, answers)
    rulers = []
    if check_ins:
        for name in RULERS:
            points = tuple(series(start[name], check_ins, name))
            labels = [str(_l("Start")) if p.is_start else name_week(p.label) for p in points]
            chart = line_chart([(label, p.value) for label, p in zip(labels, points, strict=True)])
            rulers.append(RulerHistory(name, str(RULER_TITLES[name]), chart))
    return Progress(check_ins, start, tuple(rulers))
