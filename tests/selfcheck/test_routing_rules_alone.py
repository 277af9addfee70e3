"""The self-check's routing, alone (no Flask, no content files): when a condition holds, how
rules combine, and how answers are kept by option id and shown again. A made-up self-check
sits on every boundary that the shipped one may or may not reach."""

from __future__ import annotations

from pathlib import Path

import pytest
from markupsafe import Markup

from app.curriculum.exercises.checklist import Checklist
from app.curriculum.exercises.choice import Choice
from app.curriculum.exercises.scale import Scale
from app.curriculum.selfcheck import Condition, Question, Route, Rule, SelfCheck, Suggestion, route

WHEN = Question(Choice(id="when", prompt="When?", options=("Never", "Lately", "Now")),
                values=("never", "lately", "now"))  # fmt: skip
WHERE = Question(Checklist(id="where", prompt="Where?", options=("Home", "Work", "Online")),
                 values=("home", "work", "online"))  # fmt: skip
SHORT = Scale(id="urge-short", prompt="Urges today?", minimum=0, maximum=4)
URGE = Question(Scale(id="urge", prompt="How strong?", minimum=0, maximum=4),
                track="urges", short=SHORT)  # fmt: skip
UNTRACKED = Question(Scale(id="mood", prompt="Mood?", minimum=1, maximum=3), track="mood")


def rule(rule_id, effect, *when, module=""):
    return Rule(rule_id, tuple(when), effect, f"because {rule_id}", module)


RULES = (
    rule("suggest-a", "suggest", Condition("when", frozenset({"lately"})), module="alpha"),
    rule("urgent", "urgent", Condition("urge", low=3)),
    rule("crisis", "crisis", Condition("when", frozenset({"now"}))),
    rule("suggest-b", "suggest", Condition("where", frozenset({"online"})), module="beta"),
    rule("young", "young", Condition("urge", high=0)),
    rule("suggest-a-again", "suggest", Condition("urge", low=2, high=3), module="alpha"),
    rule("both", "crisis", Condition("when", frozenset({"now"})), Condition("urge", low=4)),
)
CHECK = SelfCheck("Questions", Markup(""), (WHEN, WHERE, URGE, UNTRACKED), RULES, Path("x.md"))


@pytest.mark.parametrize(
    ("condition", "answer", "holds"),
    [
        (Condition("q", frozenset({"now"})), "now", True),
        (Condition("q", frozenset({"now"})), "lately", False),
        (Condition("q", frozenset({"now"})), None, False),
        (Condition("q", frozenset({"now"})), ["lately", "now"], True),  # any ticked option
        (Condition("q", frozenset({"now"})), ["lately"], False),
        (Condition("q", frozenset({"now"})), [], False),
        (Condition("q", low=3, high=5), 2, False),
        (Condition("q", low=3, high=5), 3, True),
        (Condition("q", low=3, high=5), 5, True),
        (Condition("q", low=3, high=5), 6, False),
        (Condition("q", low=3), 1000, True),
        (Condition("q", high=0), -1, True),
        (Condition("q", high=0), 1, False),
        (Condition("q"), 0, True),  # no bounds: any number
        (Condition("q"), None, False),  # a skipped question never sets a rule off
        (Condition("q", low=0), True, False),  # a bool is not a number on a scale
        (Condition("q", low=0), "3", False),
        (Condition("q", low=0), 3.0, False),
    ],
)
def test_a_condition_holds_for_its_options_or_within_its_bounds_inclusive(condition, answer, holds):
    assert condition.holds(answer) is holds


def test_a_rule_holds_only_when_every_condition_does():
    both = RULES[-1]
    assert both.holds({"when": "now", "urge": 4})
    assert not both.holds({"when": "now", "urge": 3})
    assert not both.holds({"when": "lately", "urge": 4})
    assert not both.holds({"urge": 4})
    assert Rule("always", (), "suggest", "because", "alpha").holds({})


def test_nothing_answered_gives_an_empty_route():
    found = route(CHECK, {})
    assert found == Route()
    assert found.first_module == ""
    assert not found.needs_help_first


def test_the_route_sorts_reasons_by_effect_and_suggests_each_module_once_in_rule_order():
    found = route(CHECK, {"when": "now", "where": ["home", "online"], "urge": 4})
    assert found.crisis == ("because crisis", "because both")
    assert found.young == ()
    assert found.urgent == ("because urgent",)
    assert found.modules == (Suggestion("beta", ("because suggest-b",)),)
    assert found.needs_help_first

    found = route(CHECK, {"when": "lately", "where": ["online"], "urge": 3})
    assert found.crisis == found.young == ()
    assert found.urgent == ("because urgent",)
    assert found.modules == (
        Suggestion("alpha", ("because suggest-a", "because suggest-a-again")),
        Suggestion("beta", ("because suggest-b",)),
    )
    assert found.first_module == "alpha"
    assert not found.needs_help_first  # more risk puts help forward, but not before all else


def test_under_18_alone_puts_help_first():
    found = route(CHECK, {"urge": 0})
    assert found.young == ("because young",)
    assert found.crisis == found.urgent == found.modules == ()
    assert found.needs_help_first
    assert route(CHECK, {"where": ["online"]}).first_module == "beta"


def test_answers_are_kept_by_option_id_and_shown_again_by_position():
    assert WHEN.kept(2) == "now"
    assert WHEN.shown("now") == 2
    assert WHEN.shown("gone") is None  # an option removed since
    assert WHEN.words("lately") == ["Lately"]
    assert WHEN.words("gone") == []

    assert WHERE.kept({"chosen": [0, 2], "other": ""}) == ["home", "online"]
    assert WHERE.shown(["online", "gone", "home"]) == {"chosen": [2, 0], "other": ""}
    assert WHERE.shown(["gone"]) is None
    assert WHERE.shown(None) is None
    assert WHERE.words(["home", "online"]) == ["Home", "Online"]

    assert URGE.kept(3) == 3
    assert URGE.shown(4) == 4
    assert URGE.shown(0) == 0
    for outside in (5, -1, True, "3", None):
        assert URGE.shown(outside) is None, outside
    assert URGE.words(2) == URGE.exercise.lines(2) != []
    assert URGE.words(7) == []


def test_every_possible_answer_is_listed_per_question():
    assert WHEN.possible() == ("never", "lately", "now")
    assert WHERE.possible() == ("home", "work", "online")
    assert URGE.possible() == (0, 1, 2, 3, 4)
    assert UNTRACKED.possible() == (1, 2, 3)


def test_the_self_check_finds_its_questions_and_what_the_check_ins_follow():
    assert CHECK.question("urge") is URGE
    assert CHECK.question("missing") is None
    assert CHECK.exercises == (WHEN.exercise, WHERE.exercise, URGE.exercise, UNTRACKED.exercise)
    assert CHECK.tracked == (URGE,)  # "mood" has no shorter wording for the check-ins
    assert URGE.id == "urge"


def test_a_rule_shape_is_everything_but_its_wording():
    one = Rule("a", (Condition("w", frozenset({"y", "x"})), Condition("u", low=1)), "suggest",
               "one wording", "alpha", line=3)  # fmt: skip
    other = Rule("b", (Condition("u", low=1), Condition("w", frozenset({"x", "y"}))), "suggest",
                 "otra redacción", "alpha", line=9)  # fmt: skip
    assert one.shape() == other.shape()
    assert one.shape() == ("suggest", "alpha", (("u", (), 1, None), ("w", ("x", "y"), None, None)))
    assert Rule("a", one.when, "urgent", "one wording").shape() != one.shape()
    assert Rule("a", one.when[:1], "suggest", "one wording", "alpha").shape() != one.shape()
    assert Rule("a", one.when, "suggest", "one wording", "beta").shape() != one.shape()
