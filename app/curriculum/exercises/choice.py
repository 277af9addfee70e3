"""choice: the visitor picks one option, and may see feedback written for that option.

``route:`` (one entry per option) sends the visitor somewhere after saving, whichever button
they pressed: ``next`` goes on as usual, ``page:<name>`` or ``page:<name>#<part>`` opens that
page (the "where am I?" check sends a crisis answer to the Right now page's urgent part).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from flask_babel import lazy_gettext as _l

from ...authoring import ID
from ..render import PAGE_LINKS
from .base import Exercise, Fields, InvalidAnswer, Options, option_lines, read_whole

GO_ON = "next"


@dataclass(frozen=True, kw_only=True)
class Choice(Exercise):
    name: ClassVar[str] = "choice"
    required: ClassVar[frozenset[str]] = frozenset({"prompt", "options"})
    optional: ClassVar[frozenset[str]] = frozenset({"feedback", "route"})

    options: tuple[str, ...] = ()
    feedback: tuple[str, ...] = ()  # one per option, or none
    route: tuple[str, ...] = ()  # one per option ("next" or "page:<name>[#<part>]"), or none

    @classmethod
    def options_from(cls, options: Options) -> dict[str, Any]:
        texts = options.texts("options")
        if len(texts) < 2:
            options.error("options", "'options' needs at least two entries")
        feedback = options.texts("feedback") if "feedback" in options.data else ()
        if feedback and len(feedback) != len(texts):
            options.error("feedback", "'feedback' needs exactly one entry per option")
        route = options.texts("route") if "route" in options.data else ()
        if route and len(route) != len(texts):
            options.error("route", "'route' needs exactly one entry per option")
        for target in route:
            if not is_route(target):
                pages = ", ".join(f"page:{name}" for name in PAGE_LINKS)
                options.error(
                    "route", f"unknown route {target!r} (use {GO_ON!r} or one of {pages})"
                )
        return {"options": texts, "feedback": feedback, "route": route}

    def routed_to(self, value: Any) -> tuple[str, str] | None:
        if not self.route or not isinstance(value, int) or not 0 <= value < len(self.route):
            return None
        target = self.route[value]
        if target == GO_ON:
            return None
        name, _, part = target.removeprefix("page:").partition("#")
        return name, part

    @property
    def kind_label(self) -> str:
        # A choice that routes its answers is a check of where the visitor is (the first
        # step's triage), not an exercise to work on.
        return str(_l("Quick check")) if self.route else super().kind_label

    def feedback_for(self, value: Any) -> str:
        if not self.feedback or not isinstance(value, int) or not 0 <= value < len(self.feedback):
            return ""
        return self.feedback[value]

    @property
    def feedback_template(self) -> str:
        return "exercises/feedback/choice.html" if self.feedback else super().feedback_template

    def shape(self) -> dict[str, Any]:
        return super().shape() | {"number of options": len(self.options), "route": self.route}

    def read(self, fields: Fields, max_chars: int) -> int:
        message = _l("Choose one of the options.")
        value = read_whole(fields.one("answer"), message)
        if not 0 <= value < len(self.options):
            raise InvalidAnswer(message)
        return value

    def lines(self, value: Any) -> list[str]:
        return option_lines(self.options, [value])


def is_route(target: str) -> bool:
    if target == GO_ON:
        return True
    name, _, part = (
        target.removeprefix("page:").partition("#") if target.startswith("page:") else ("", "", "")
    )
    return name in PAGE_LINKS and (not part or bool(ID.match(part)))
