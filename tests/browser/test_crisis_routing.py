"""On a 360 px phone, with JavaScript on and off: a crisis answer on "where am I?" opens the
urgent part of Right now whichever button saves it, "I'm under 18" opens the page for young
people, and any other answer's feedback is on screen after saving (issue 23, item 1)."""

from __future__ import annotations

import pytest

from tests.browser.helpers import SAVE, SAVE_AND_CONTINUE

pytestmark = pytest.mark.browser

STEP = "/{lang}/m/0/1"
HEIGHT = 800  # the viewport's height (conftest.new_context)


def on_screen(page, selector: str) -> bool:
    box = page.locator(selector).first.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + min(box["height"], 80) <= HEIGHT


def choose(page, portal, lang, option, button):
    page.goto(portal.url(STEP.format(lang=lang)))
    page.check(f"#ex-where-am-i-now-{option}")
    with page.expect_navigation():
        page.click(button)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("button", [SAVE, SAVE_AND_CONTINUE], ids=["save", "continue"])
@pytest.mark.parametrize(("option", "lang"), [(0, "es"), (1, "en")])
def test_crisis_answers_open_the_urgent_part_with_call_buttons_on_screen(
    portal, new_context, javascript, button, option, lang
):
    page = new_context(width=360, javascript=javascript).new_page()
    choose(page, portal, lang, option, button)
    assert page.url == portal.url(f"/{lang}/now#urgent")
    assert on_screen(page, ".call-now a[href^='tel:']")


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("lang", ["es", "en"])
def test_under_18_opens_the_page_for_young_people(portal, new_context, javascript, lang):
    page = new_context(width=360, javascript=javascript).new_page()
    choose(page, portal, lang, 4, SAVE_AND_CONTINUE)
    assert page.url == portal.url(f"/{lang}/young")
    assert page.locator("#crisis-lines a[href^='tel:']").count() > 0


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("button", [SAVE, SAVE_AND_CONTINUE], ids=["save", "continue"])
def test_other_answers_show_their_feedback_on_screen(portal, new_context, javascript, button):
    page = new_context(width=360, javascript=javascript).new_page()
    choose(page, portal, "es", 2, button)
    notice = ".saved-notice" if button == SAVE else ".after-notice"
    assert page.locator(f"{notice} .feedback-text").count() == 1
    assert on_screen(page, f"{notice} .feedback-text")
