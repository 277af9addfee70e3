"""Privacy in the browser: no request ever leaves the portal's origin, and the quick exit
really leaves (Escape twice) without leaving the portal in the Back button's history."""

from __future__ import annotations

import pytest

from tests.browser.conftest import LANGS
from tests.browser.helpers import STEP_WITH, Answers, keep, save

pytestmark = pytest.mark.browser

PATHS = [
    "/",
    "/modules/",
    "/m/1/",
    *STEP_WITH.values(),
    "/m/0/done",
    "/help",
    "/help?country=ES",
    "/privacy",
    "/safety",
    "/workbook",
    "/workbook/plan",
    "/resume",
    "/check-in",
    "/now",
    "/no-such-page",
]


@pytest.mark.parametrize("lang", LANGS)
def test_no_request_leaves_the_origin(portal, new_context, lang):
    """Every kind of page, and every form, with JavaScript on (the journey test covers more)."""
    context = new_context()
    requested = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    for path in PATHS:
        page.goto(portal.url(f"/{lang}{path}"))
    page.goto(portal.url(f"/{lang}{STEP_WITH['scale']}"))
    save(page, "rulers-why")  # an error
    Answers(lang).scale(page, "importance", 3)
    page.goto(portal.url(f"/{lang}{STEP_WITH['choice']}"))
    Answers(lang).choice(page, "passphrase", 0)
    keep(page, portal.origin, lang)
    for path in ("/workbook", "/workbook/plan"):
        page.goto(portal.url(f"/{lang}{path}"))

    assert len(requested) > len(PATHS)
    outside = [url for url in requested if not url.startswith(portal.origin + "/")]
    assert outside == []


def test_escape_twice_leaves_at_once_and_replaces_history(portal, page):
    elsewhere = []

    def fulfil(route):  # never the real site: answer from here
        elsewhere.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body="<title>elsewhere</title>")

    page.route(portal.quick_exit_url + "**", fulfil)
    page.goto(portal.url(f"/en{STEP_WITH['scale']}"))
    assert page.get_attribute("#quick-exit", "href") == portal.quick_exit_url
    entries = page.evaluate("history.length")

    page.keyboard.press("Escape")
    page.wait_for_timeout(100)
    assert page.url.startswith(portal.origin)  # once is not enough: Escape also closes things
    with page.expect_navigation(url=portal.quick_exit_url):
        page.keyboard.press("Escape")

    assert elsewhere == [portal.quick_exit_url]
    assert page.title() == "elsewhere"
    assert page.evaluate("history.length") == entries  # replaced, not added
    page.go_back()  # Back goes to where the visitor was before the portal, never to the portal
    assert not page.url.startswith(portal.origin)


def test_quick_exit_link_works_without_javascript(portal, new_context):
    page = new_context(javascript=False).new_page()
    page.route(
        portal.quick_exit_url + "**",
        lambda route: route.fulfill(status=200, content_type="text/html", body="<p>elsewhere"),
    )
    page.goto(portal.url("/es/"))
    with page.expect_navigation(url=portal.quick_exit_url):
        page.click("#quick-exit")
