"""The shipped curriculum has the shape the programme needs, in both languages."""

from __future__ import annotations

import pytest

from app.curriculum.exercises import TYPES as EXERCISE_TYPES

SLUGS = [
    "start",
    "motivation",
    "consequences",
    "pathway",
    "online-use",
    "sexual-thoughts",
    "self-regulation",
    "self-compassion",
    "good-life",
    "relationships",
    "getting-help",
    "disclosure",
    "staying-on-track",
]


def shape(module):
    return [(step.id, [e.shape() | {"id": e.id} for e in step.exercises]) for step in module.steps]


@pytest.mark.parametrize("lang", ["es", "en"])
def test_modules_in_order(catalog, lang):
    assert [m.slug for m in catalog.modules(lang)] == SLUGS
    orders = [m.order for m in catalog.modules(lang)]
    assert orders == sorted(set(orders))  # strictly increasing: room left for new modules


def test_steps_and_exercises_are_the_same_in_both_languages(catalog):
    for spanish, english in zip(catalog.modules("es"), catalog.modules("en"), strict=True):
        assert shape(spanish) == shape(english), spanish.slug


@pytest.mark.parametrize("lang", ["es", "en"])
def test_each_module_has_four_to_seven_steps_each_ending_in_an_exercise(catalog, lang):
    for module in catalog.modules(lang):
        assert 4 <= len(module.steps) <= 7, module.slug
        for step in module.steps:
            assert step.exercises, (module.slug, step.id)
            assert step.blocks[-1] is step.exercises[-1], (module.slug, step.id)


def test_every_module_has_sources_and_ships_as_a_draft(catalog):
    for lang in ("es", "en"):
        for module in catalog.modules(lang):
            assert module.sources
            assert module.objectives
            assert module.review == "draft"


def test_every_exercise_type_is_used(catalog):
    used = {e.type for m in catalog.modules("en") for s in m.steps for e in s.exercises}
    assert used == set(EXERCISE_TYPES)


def test_plan_items_where_the_programme_needs_them(catalog):
    modules = {m.slug: m for m in catalog.modules("en")}
    for slug in ("motivation", "self-regulation", "good-life", "getting-help", "staying-on-track"):
        assert any(e.plan for s in modules[slug].steps for e in s.exercises), slug
    plans = {e.plan for m in catalog.modules("en") for s in m.steps for e in s.exercises if e.plan}
    assert {
        "reasons",
        "warning-signs",
        "coping",
        "environment",
        "needs",
        "people",
        "next-steps",
        "safety",
    } <= plans


def test_the_rulers_of_module_one_come_back_in_the_follow_up_check_ins(catalog):
    """Module 1 asks importance and confidence first; the check-ins (/<lang>/check-in) ask them
    again in its words, and the last module's check-in step leads there instead of repeating
    them (tests/followup)."""
    from app.curriculum.rulers import starting_rulers

    for lang in ("es", "en"):
        found = starting_rulers(catalog.modules(lang))
        assert found is not None
        assert found.module.slug == "motivation"
        assert catalog.module(lang, "staying-on-track").exercise("importance") is None


def test_crisis_lines_are_named_in_modules_zero_and_six(catalog):
    for lang in ("es", "en"):
        for slug in ("start", "getting-help"):
            text = "".join(
                str(b.html)
                for s in catalog.module(lang, slug).steps
                for b in s.blocks
                if hasattr(b, "html")
            )
            for number in ("024", "116 123", "988", "112"):
                assert number in text, (lang, slug, number)


def test_readiness_ruler_in_module_zero(catalog):
    _, readiness = catalog.module("en", "start").exercise("readiness")
    assert readiness.type == "scale"
    assert (readiness.minimum, readiness.maximum) == (0, 10)


def test_content_uses_csam_not_child_pornography_except_to_explain_it(catalog):
    for lang, preferred, legal in (
        ("en", "CSAM", "child pornography"),
        ("es", "MASI", "pornografía infantil"),
    ):
        texts = [
            "".join(str(b.html) for s in m.steps for b in s.blocks if hasattr(b, "html"))
            for m in catalog.modules(lang)
        ]
        assert any(preferred in t for t in texts)
        assert sum(t.lower().count(legal) for t in texts) <= 3


def test_shipped_content_check_passes(shipped_app):
    result = shipped_app.test_cli_runner().invoke(args=["content", "check"])
    assert result.exit_code == 0, result.output


def test_require_reviewed_fails_while_the_curriculum_is_a_draft(shipped_app):
    result = shipped_app.test_cli_runner().invoke(args=["content", "check", "--require-reviewed"])
    assert result.exit_code == 1
    assert "00-start.md" in result.output
    assert "module is still a draft" in result.output
