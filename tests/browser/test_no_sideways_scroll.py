"""At 360 px nothing scrolls sideways: not the printable modules (their sources hold long
addresses), not the workbook with a long unbroken word in an answer (issue 23)."""

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
