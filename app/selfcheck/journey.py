"""The visitor's route with where they are on it: each suggested module, why, and how far
they have come in it (from their answers). No Flask here."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..curriculum import Module
from ..curriculum.selfcheck import Route, SelfCheck, route
from ..workbook.selfchecks import latest


@dataclass(frozen=True)
class Stop:
    module: Module
    reasons: tuple[str, ...]
    answered: int  # exercises of the module the visitor has answered
    total: int

    @property
    def state(self) -> str:
        """ "done" (every exercise answered), "started" or "new"."""
        if self.total and self.answered >= self.total:
            return "done"
        return "started" if self.answered else "new"


@dataclass(frozen=True)
class Journey:
    week: str  # when the answers the route comes from were given
    route: Route
    stops: tuple[Stop, ...]

    @property
    def next_stop(self) -> Stop | None:
        """The first suggested module not yet done: where the visitor is on the route."""
        return next((stop for stop in self.stops if stop.state != "done"), None)


def journey(
    check: SelfCheck,
    modules: Sequence[Module],
    answers: Mapping[str, Mapping[str, Any]],
    self_checks: Sequence[Any],
) -> Journey | None:
    """The route from the newest self-check, or None when the visitor has not answered one."""
    newest = latest(self_checks)
    if newest is None:
        return None
    found = route(check, newest.answers)
    by_slug = {module.slug: module for module in modules}
    stops = []
    for suggestion in found.modules:
        module = by_slug.get(suggestion.module)
        if module is None:  # the validator prevents it; a stale route must not break a page
            continue
        ids = [exercise.id for step in module.steps for exercise in step.exercises]
        given = answers.get(module.slug, {})
        stops.append(Stop(module, suggestion.reasons, sum(1 for i in ids if i in given), len(ids)))
    return Journey(newest.week, found, tuple(stops))
