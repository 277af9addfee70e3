"""At phone widths nothing scrolls sideways (the printable modules, whose sources hold long
addresses; the workbook with a long unbroken word in an answer), and the 0-10 ruler wraps
without leaving one number alone on a row (issue 23)."""

from __future__ import annotations

import pytest

from tests.browser.helpers import SAVE

pytestmark = pytest.mark.browser

WIDTH = 360


def page_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


@pytest.mark.parametrize("lang", ["es", "en"])
def test_printable_modules_fit_a_phone(portal, new_context, lang):
    page = new_context(width=WIDTH).new_page()
    for number in range(13):
        page.goto(portal.url(f"/{lang}/m/{number}/print"))
        assert page_width(page) <= WIDTH, number


def test_a_long_unbroken_answer_does_not_widen_the_workbook(portal, new_context):
    page = new_context(width=WIDTH).new_page()
    page.goto(portal.url("/es/m/1/2"))
    page.fill("#ex-rulers-why-text", "x" * 300)
    with page.expect_navigation():
        page.click(SAVE)
    assert page_width(page) <= WIDTH
    page.goto(portal.url("/es/workbook"))
    assert page_width(page) <= WIDTH


@pytest.mark.parametrize("width", [320, 360, 390, 412])
def test_the_zero_to_ten_ruler_never_leaves_a_number_alone_on_a_row(portal, new_context, width):
    page = new_context(width=width).new_page()
    page.goto(portal.url("/es/m/1/2"))
    tops = page.evaluate(
        "[...document.querySelectorAll('#ex-importance .scale-point')]"
        ".map(e => Math.round(e.getBoundingClientRect().top))"
    )
    rows = [tops.count(top) for top in sorted(set(tops))]
    assert len(tops) == 11
    assert min(rows) >= 2, rows
