"""What a message carries, before sealing and after opening. No Flask here.

A message is a JSON document ``{"v": 1, "locale": ..., "text": ..., "answers": {module:
{exercise: value}}, "check_ins": [...]}``: the visitor's words, and exactly the parts of the
workbook they chose to share, copied at the moment of sending. It exists in plaintext only in
the request that seals it and in the request of whoever opens it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..workbook.checkins import CheckIn, history
from .crypto import Unreadable

MAX_TEXT_CHARS = 5000


@dataclass(frozen=True)
class Message:
    text: str
    locale: str = ""
    answers: dict[str, dict[str, Any]] = field(default_factory=dict)
    check_ins: list[dict[str, Any]] = field(default_factory=list)

    @property
    def shared_check_ins(self) -> list[CheckIn]:
        return history(self.check_ins)

    @property
    def shares_anything(self) -> bool:
        return bool(self.answers or self.check_ins)

    def to_bytes(self) -> bytes:
        data: dict[str, Any] = {"v": 1, "locale": self.locale, "text": self.text}
        if self.answers:
            data["answers"] = self.answers
        if self.check_ins:
            data["check_ins"] = self.check_ins
        return json.dumps(data, ensure_ascii=False).encode()

    @classmethod
    def from_bytes(cls, raw: bytes) -> Message:
        try:
            data = json.loads(raw)
        except (ValueError, UnicodeDecodeError):
            raise Unreadable("not a message") from None
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            raise Unreadable("not a message")
        answers, check_ins = data.get("answers", {}), data.get("check_ins", [])
        if not isinstance(answers, dict) or not isinstance(check_ins, list):
            raise Unreadable("not a message")
        return cls(data["text"], str(data.get("locale", "")), answers, check_ins)


def compose(
    text: str,
    locale: str,
    answers: dict[str, dict[str, Any]],
    check_ins: list[dict[str, Any]],
    modules: Iterable[str],
    with_check_ins: bool,
) -> Message:
    """The message as it will be sealed: the text, and only the chosen modules' answers and
    (if chosen) the check-ins, from the visitor's workbook as it is now."""
    chosen = {slug: dict(answers[slug]) for slug in modules if answers.get(slug)}
    return Message(text, locale, chosen, list(check_ins) if with_check_ins else [])
