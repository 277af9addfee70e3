"""A choice's `route:` is checked like every other option: an unknown target is a path:line
error for the author, never a broken link for a visitor in crisis."""

from __future__ import annotations

from tests.content.test_validation import assert_reported, problems_of, replace

ROUTED = "type: choice\nroute:\n  - page:now#urgent\n  - next\n"


def test_a_route_to_a_known_page_is_valid(content_copy):
    for lang in ("en", "es"):
        replace(content_copy / lang / "01-sample.md", "type: choice\n", ROUTED)
    assert problems_of(content_copy) == []


def test_an_unknown_route_target_is_reported_at_its_line(content_copy):
    path = content_copy / "en" / "01-sample.md"
    replace(path, "type: choice\n", ROUTED.replace("page:now#urgent", "page:nowhere"))
    assert_reported(content_copy, path, "route:", "unknown route 'page:nowhere'")


def test_a_route_needs_one_entry_per_option(content_copy):
    path = content_copy / "en" / "01-sample.md"
    replace(path, "type: choice\n", "type: choice\nroute:\n  - next\n")
    assert_reported(content_copy, path, "route:", "'route' needs exactly one entry per option")


def test_routes_must_be_the_same_in_every_language(content_copy):
    replace(content_copy / "en" / "01-sample.md", "type: choice\n", ROUTED)
    replace(
        content_copy / "es" / "01-sample.md",
        "type: choice\n",
        ROUTED.replace("page:now#urgent", "next"),
    )
    assert any("lapse" in problem for problem in problems_of(content_copy))
