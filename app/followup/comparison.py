"""After a check-in: a plain comparison with the start and the last check-in, and where to
turn next when confidence is low, importance has dropped or urges are strong."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from flask_babel import gettext as _

from ..workbook.checkins import RULERS, CheckIn

LOW = 4  # at or below: a ruler is low
STRONG_URGES = 7  # at or above


@dataclass(frozen=True)
class Comparison:
    lines: tuple[str, ...]  # one sentence per ruler
    low_confidence: bool
    importance_dropped: bool
    strong_urges: bool


def _names() -> dict[str, str]:
    return {"importance": _("Importance"), "confidence": _("Confidence"), "urges": _("Urges")}


def sentence(name: str, start: int | None, previous: int | None, today: int) -> str:
    if start is not None and previous is not None:
        return _(
            "%(ruler)s: %(start)d at the start, %(previous)d at your last check-in, %(today)d today.",
            ruler=name,
            start=start,
            previous=previous,
            today=today,
        )
    if start is not None:
        return _(
            "%(ruler)s: %(start)d at the start, %(today)d today.",
            ruler=name,
            start=start,
            today=today,
        )
    if previous is not None:
        return _(
            "%(ruler)s: %(previous)d at your last check-in, %(today)d today.",
            ruler=name,
            previous=previous,
            today=today,
        )
    return _("%(ruler)s: %(today)d today.", ruler=name, today=today)


def compare(start: dict[str, int | None], check_ins: Sequence[CheckIn]) -> Comparison | None:
    """The newest check-in against the start and the one before it; None without check-ins."""
    if not check_ins:
        return None
    latest = check_ins[-1]
    previous = check_ins[-2] if len(check_ins) > 1 else None
    names = _names()
    lines = tuple(
        sentence(
            names[ruler],
            start.get(ruler),
            previous.ruler(ruler) if previous else None,
            latest.ruler(ruler),
        )
        for ruler in RULERS
    )
    earlier = [v for v in (start.get("importance"), previous and previous.importance) if v]
    return Comparison(
        lines,
        low_confidence=latest.confidence <= LOW,
        importance_dropped=latest.importance <= LOW or any(latest.importance < v for v in earlier),
        strong_urges=latest.urges >= STRONG_URGES,
    )
