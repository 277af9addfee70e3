"""Guided support in the host's insight: per whole week, how many conversations were opened,
how many replies were sent, and how many days a first reply took. Weekly answer counts
(insight/counting.py), so the insight page shows them with small cells hidden."""

from __future__ import annotations

from typing import Literal

from ..insight.counting import count_answer

QUESTION = "guided:conversations"
FIRST_REPLY = "guided:days to first reply"
DAY_BUCKETS = ((0, "0"), (1, "1"), (2, "2"), (3, "3"), (5, "4-5"), (7, "6-7"), (14, "8-14"))


def count_event(event: Literal["opened", "replied"]) -> None:
    count_answer(QUESTION, event)


def count_first_reply(days: int) -> None:
    count_answer(FIRST_REPLY, days_bucket(days))


def days_bucket(days: int) -> str:
    """Days in a few bands: a rare exact figure would single a conversation out."""
    return next((label for limit, label in DAY_BUCKETS if days <= limit), "15+")
