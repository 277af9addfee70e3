"""Escape pressed twice by accident inside a text box never throws typed text away: the first
Escape only leaves the box; the quick exit by keyboard needs Escape twice outside a box, so from
inside a box it takes three deliberate presses (issue 23)."""

from __future__ import annotations

import pytest

from tests.browser.helpers import STEP_WITH

pytestmark = pytest.mark.browser

TYPED = "Words I do not want to lose"


@pytest.fixture
def step(portal, new_context):
    page = new_context(width=360).new_page()
    page.route(
        portal.quick_exit_url + "**",
        lambda route: route.fulfill(status=200, content_type="text/html", body="<p>elsewhere"),
    )
    page.goto(portal.url(f"/es{STEP_WITH['scale']}"))  # with a reflection
    box = page.locator("form.step-form textarea").first
    box.click()
    page.keyboard.type(TYPED)
    return page, box


def test_two_escapes_in_a_text_box_keep_the_text(portal, step):
    page, box = step
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_timeout(300)
    assert page.url.startswith(portal.origin)
    assert box.input_value() == TYPED
    assert not page.evaluate("document.activeElement.matches('textarea')")  # left the box


def test_three_escapes_from_a_text_box_still_leave(portal, step):
    page, _ = step
    with page.expect_navigation(url=portal.quick_exit_url):
        for _ in range(3):
            page.keyboard.press("Escape")


def test_a_passphrase_field_keeps_its_text_too(portal, new_context):
    page = new_context(width=360).new_page()
    page.goto(portal.url("/en/resume"))
    page.click("#passphrase")
    page.keyboard.type("some words")
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_timeout(300)
    assert page.url == portal.url("/en/resume")
    assert page.input_value("#passphrase") == "some words"
