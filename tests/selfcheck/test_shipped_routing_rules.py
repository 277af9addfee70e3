"""The shipped self-check's rules: each can be set off, each suggested module exists in both
languages, and thoughts of suicide or imminent risk go to crisis help before anything else."""

from __future__ import annotations

import itertools

import pytest

from app.curriculum import check_tree
from app.curriculum.exercises.scale import Scale
from app.curriculum.selfcheck import Rule, SelfCheck, route
from tests.support.apps import SHIPPED_CONTENT

LANGS = ("en", "es")


@pytest.fixture(scope="module")
def catalog():
    catalog, problems = check_tree(SHIPPED_CONTENT, LANGS)
    assert problems.errors == [], "\n".join(map(str, problems.errors))
    return catalog


def answers_for(check: SelfCheck, rule: Rule) -> dict[str, object]:
    """Answers that meet every condition of ``rule``, and nothing else."""
    answers: dict[str, object] = {}
    for condition in rule.when:
        question = check.question(condition.question)
        if isinstance(question.exercise, Scale):
            answers[condition.question] = next(v for v in question.possible() if condition.holds(v))
        else:
            answers[condition.question] = sorted(condition.options)[0]
    return answers


def test_both_languages_ship_the_self_check(catalog):
    for lang in LANGS:
        check = catalog.self_check(lang)
        assert check is not None
        assert 10 <= len(check.questions) <= 14


@pytest.mark.parametrize("lang", LANGS)
def test_every_rule_can_be_set_off_by_some_answers(catalog, lang):
    check = catalog.self_check(lang)
    for rule in check.rules:
        found = route(check, answers_for(check, rule))
        reasons = (*found.crisis, *found.young, *found.urgent,
                   *(r for s in found.modules for r in s.reasons))  # fmt: skip
        assert rule.because in reasons, rule.id


def test_every_suggested_module_exists_in_both_languages(catalog):
    for lang, other in itertools.permutations(LANGS):
        for rule in catalog.self_check(lang).rules:
            if rule.effect == "suggest":
                assert catalog.module(lang, rule.module) is not None, rule.id
                assert catalog.module(other, rule.module) is not None, rule.id


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("answer", ["lately", "now"])
def test_thoughts_of_suicide_alone_go_to_the_crisis_lines(catalog, lang, answer):
    found = route(catalog.self_check(lang), {"suicide": answer})
    assert found.crisis
    assert found.needs_help_first


@pytest.mark.parametrize("lang", LANGS)
def test_every_suicide_option_but_never_and_past_sets_off_a_crisis_rule(catalog, lang):
    check = catalog.self_check(lang)
    for option in check.question("suicide").values:
        expected = option not in ("never", "past")
        assert bool(route(check, {"suicide": option}).crisis) is expected, option


@pytest.mark.parametrize("lang", LANGS)
def test_imminent_risk_goes_to_the_crisis_lines(catalog, lang):
    check = catalog.self_check(lang)
    found = route(check, {"brings": ["contact"], "urge-strength": 8})
    assert found.crisis
    assert not route(check, {"brings": ["contact"], "urge-strength": 7}).crisis
    assert route(check, {"brings": ["contact"], "urge-strength": 7}).urgent


@pytest.mark.parametrize("lang", LANGS)
def test_under_18_goes_to_the_crisis_lines_and_a_trusted_adult(catalog, lang):
    found = route(catalog.self_check(lang), {"age": "under-18"})
    assert found.young
    assert found.needs_help_first


@pytest.mark.parametrize("lang", LANGS)
def test_more_risk_puts_professional_help_forward(catalog, lang):
    check = catalog.self_check(lang)
    for answers in ({"last-use": "this-week"}, {"urge-strength": 9}, {"brings": ["contact"]}):
        assert route(check, answers).urgent, answers
    for answers in ({"last-use": "over-a-year"}, {"urge-strength": 3}, {"brings": ["thoughts"]}):
        assert not route(check, answers).urgent, answers


def test_no_answers_give_no_route_and_no_alarm(catalog):
    found = route(catalog.self_check("en"), {})
    assert found == type(found)()
