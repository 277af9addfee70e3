"""The self-check's tracked factors over time: each from every self-check through every
check-in that asked it, as a chart and the rows of its table. No Flask here."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from flask_babel import lazy_gettext as _l

from ..charts import Chart, line_chart
from ..curriculum.exercises.scale import Scale
from ..curriculum.selfcheck import SelfCheck
from .checkins import CheckIn, history
from .selfchecks import SelfCheckAnswers, self_check_history


@dataclass(frozen=True)
class FactorPoint:
    week: str
    value: int
    source: str  # "self-check" or "check-in"


@dataclass(frozen=True)
class FactorHistory:
    id: str  # the question's id
    title: str  # its name on the charts ("track:")
    low: int
    high: int
    points: tuple[FactorPoint, ...]
    chart: Chart

    def source_name(self, point: FactorPoint) -> str:
        return str(_l("Questions") if point.source == "self-check" else _l("Check-in"))


def in_order(
    answered: Sequence[SelfCheckAnswers], check_ins: Sequence[CheckIn]
) -> list[tuple[str, str, Mapping[str, Any]]]:
    """Self-checks and check-ins in the order they were given: (week, source, answers)."""
    merged: list[tuple[str, str, Mapping[str, Any]]] = []
    pending = list(answered)
    for index, check_in in enumerate(check_ins):
        merged += [(a.week, "self-check", a.answers) for a in pending if a.after <= index]
        pending = [a for a in pending if a.after > index]
        merged.append((check_in.week, "check-in", check_in.factors))
    return merged + [(a.week, "self-check", a.answers) for a in pending]


def factor_histories(
    check: SelfCheck, self_checks: Sequence[Any], check_ins: Sequence[Any]
) -> tuple[FactorHistory, ...]:
    """One history per tracked factor the visitor answered at least once, in question order."""
    answered = self_check_history(self_checks)
    later = history(check_ins)
    found = []
    for question in check.tracked:
        scale = question.exercise
        assert isinstance(scale, Scale)  # the reader tracks scales only
        points = [
            FactorPoint(week, value, source)
            for week, source, given in in_order(answered, later)
            if type(value := given.get(question.id)) is int
        ]
        if not points:
            continue
        chart = line_chart([(p.week, p.value) for p in points], scale.minimum, scale.maximum)
        found.append(
            FactorHistory(
                question.id, question.track, scale.minimum, scale.maximum, tuple(points), chart
            )
        )
    return tuple(found)
