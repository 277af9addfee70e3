"""The quick exit is always within reach on a phone, and the site says honestly what it does
without JavaScript (issue 23, item 5)."""

from __future__ import annotations

import pytest

from tests.browser.helpers import STEP_WITH

pytestmark = pytest.mark.browser

PAGES = ("/", "/m/1/", STEP_WITH["scale"], "/help", "/now", "/young", "/safety", "/workbook")


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_the_exit_stays_pinned_to_the_top_at_phone_width(portal, new_context, path, javascript):
    page = new_context(width=360, javascript=javascript).new_page()
    page.goto(portal.url(f"/es{path}"))
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_timeout(50)
    box = page.locator("#quick-exit").bounding_box()
    assert box is not None
    assert 0 <= box["y"] <= 16, box  # at the top of the screen, scrolled to the end
    assert box["height"] <= 56, box  # compact: one line, still a 44 px target
    assert box["height"] >= 44, box
    middle = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    on_top = page.evaluate(
        "([x, y]) => document.elementFromPoint(x, y).closest('#quick-exit')", middle
    )
    assert on_top  # nothing covers it


@pytest.mark.parametrize("lang", ["es", "en"])
def test_without_javascript_back_returns_and_the_safety_page_says_so(portal, new_context, lang):
    page = new_context(width=360, javascript=False).new_page()
    page.route(
        portal.quick_exit_url + "**",
        lambda route: route.fulfill(status=200, content_type="text/html", body="<p>elsewhere"),
    )
    page.goto(portal.url(f"/{lang}/safety"))
    said = {"en": "Back returns to it", "es": "el botón Atrás vuelve a ella"}[lang]
    assert said in " ".join(page.inner_text("main").split())
    with page.expect_navigation(url=portal.quick_exit_url):
        page.click("#quick-exit")
    page.go_back()
    assert page.url == portal.url(f"/{lang}/safety")  # exactly what the page says


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_first_page_suggests_a_private_window(portal, page, lang):
    page.goto(portal.url(f"/{lang}/"))
    assert page.locator(".private-window a[href$='/safety']").count() == 1
