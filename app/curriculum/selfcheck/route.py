"""From a visitor's answers to their route: what first, and why, in the rules' own order.

Nothing here is stored: the route is worked out again from the answers kept in the workbook,
so a clinician's change to a rule reaches every visitor at once. No Flask.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Answers, SelfCheck


@dataclass(frozen=True)
class Suggestion:
    module: str  # the module's slug
    reasons: tuple[str, ...]  # each rule's "because", in rule order


@dataclass(frozen=True)
class Route:
    crisis: tuple[str, ...] = ()  # reasons to call a crisis line now: shown before anything
    young: tuple[str, ...] = ()  # under 18: crisis lines and a trusted adult
    urgent: tuple[str, ...] = ()  # more risk: professional help and "Right now" put forward
    modules: tuple[Suggestion, ...] = ()

    @property
    def first_module(self) -> str:
        return self.modules[0].module if self.modules else ""

    @property
    def needs_help_first(self) -> bool:
        return bool(self.crisis or self.young)


def route(check: SelfCheck, answers: Answers) -> Route:
    """Every rule that holds, by effect; suggested modules once each, with all their reasons."""
    by_effect: dict[str, list[str]] = {"crisis": [], "young": [], "urgent": []}
    modules: dict[str, list[str]] = {}
    for rule in check.rules:
        if not rule.holds(answers):
            continue
        if rule.effect == "suggest":
            modules.setdefault(rule.module, []).append(rule.because)
        else:
            by_effect[rule.effect].append(rule.because)
    return Route(
        tuple(by_effect["crisis"]),
        tuple(by_effect["young"]),
        tuple(by_effect["urgent"]),
        tuple(Suggestion(slug, tuple(reasons)) for slug, reasons in modules.items()),
    )
