"""Follow-up check-ins kept in the workbook: appended, never overwritten, deletable one by one.

A check-in is dated by its ISO week only ("2026-W07"): no day and no time is ever kept, in the
ciphertext or anywhere else. No Flask here.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..weeks import iso_week
from .limits import TooLarge

__all__ = [
    "RULERS",
    "CheckIn",
    "Point",
    "append",
    "history",
    "iso_week",
    "new_id",
    "remove",
    "series",
]

RULERS = ("importance", "confidence", "urges")  # each 0-10, in the order pages show them
RULER_RANGE = range(0, 11)
MAX_CHECK_INS = 520  # ten years of weekly check-ins; more are refused, none is ever dropped


def new_id() -> str:
    """Names one check-in inside its workbook, so that the visitor can delete just that one."""
    return secrets.token_hex(6)


@dataclass(frozen=True)
class CheckIn:
    id: str
    week: str
    importance: int
    confidence: int
    urges: int
    signs: tuple[str, ...] = ()  # warning signs noticed, in the visitor's words at the time
    skills: tuple[str, ...] = ()  # skills that helped
    note: str = ""
    # The self-check's tracked factors, asked again in short form: question id -> answer.
    factors: dict[str, int] = field(default_factory=dict)

    def ruler(self, name: str) -> int:
        value: int = getattr(self, name)
        return value

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "week": self.week,
            "importance": self.importance,
            "confidence": self.confidence,
            "urges": self.urges,
            "signs": list(self.signs),
            "skills": list(self.skills),
            "note": self.note,
        } | ({"factors": dict(self.factors)} if self.factors else {})

    @classmethod
    def from_json(cls, data: Any) -> CheckIn | None:
        """The check-in ``data`` holds, or None when it is not one (never raises)."""
        if not isinstance(data, dict):
            return None
        rulers: list[Any] = [data.get(name) for name in RULERS]
        texts = [data.get("signs", []), data.get("skills", [])]
        if (
            not isinstance(data.get("id"), str)
            or not isinstance(data.get("week"), str)
            or not all(type(v) is int and v in RULER_RANGE for v in rulers)
            or not all(isinstance(t, list) and all(isinstance(x, str) for x in t) for t in texts)
            or not isinstance(data.get("note", ""), str)
        ):
            return None
        importance, confidence, urges = rulers
        return cls(
            data["id"],
            data["week"],
            importance,
            confidence,
            urges,
            signs=tuple(texts[0]),
            skills=tuple(texts[1]),
            note=data.get("note", ""),
            factors=_factors(data.get("factors")),
        )


def _factors(data: Any) -> dict[str, int]:
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and type(v) is int}


def history(stored: Sequence[Any]) -> list[CheckIn]:
    """The readable check-ins of a workbook (``Workbook.check_ins``), oldest first."""
    found = (CheckIn.from_json(item) for item in stored)
    return [check_in for check_in in found if check_in is not None]


def append(stored: list[dict[str, Any]], check_in: CheckIn) -> None:
    """Add a check-in; raises TooLarge when the workbook holds ``MAX_CHECK_INS`` already (the
    visitor is told their workbook is full: nothing they saved before is dropped)."""
    if len(stored) >= MAX_CHECK_INS:
        raise TooLarge
    stored.append(check_in.to_json())


def remove(stored: list[dict[str, Any]], check_in_id: str) -> bool:
    """Remove the check-in named ``check_in_id``; False if there is none (already deleted)."""
    before = len(stored)
    stored[:] = [
        item for item in stored if not (isinstance(item, dict) and item.get("id") == check_in_id)
    ]
    return len(stored) < before


@dataclass(frozen=True)
class Point:
    label: str  # "start" for the motivation module's answer, else the ISO week
    value: int
    is_start: bool = False


def series(start: int | None, check_ins: Sequence[CheckIn], ruler: str) -> list[Point]:
    """One ruler over time: the starting answer (if any), then each check-in's."""
    points = [Point("start", start, True)] if start is not None else []
    return points + [Point(c.week, c.ruler(ruler)) for c in check_ins]
