"""The self-check in a real browser with JavaScript off: reach it from the home page, answer,
follow the route's links, check in, and see each factor's change on the workbook page."""

from __future__ import annotations

import pytest

from tests.browser.helpers import take_self_check

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_visitor_without_javascript_takes_the_self_check_and_sees_the_change(
    portal, new_context, lang
):
    context = new_context(javascript=False, width=360)
    requested = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    page.goto(portal.url(f"/{lang}/"))
    with page.expect_navigation():
        page.click(f'main a[href="/{lang}/self-check"]')
    assert page.title().split(" · ")[0] in ("Questions", "Preguntas")
    assert context.cookies() == []  # reading sets no cookie

    take_self_check(page, portal.origin, lang, lonely=8, people=2)
    assert page.url.endswith(f"/{lang}/self-check/route")
    assert len(context.cookies()) == 1
    links = page.locator("ol.route-list h3 a")
    assert links.count() == 1  # relationships, for both answers
    with page.expect_navigation():
        links.first.click()
    assert page.url.endswith(f"/{lang}/m/9/")  # relationships, by its neutral address

    page.goto(portal.url(f"/{lang}/modules/"))
    assert page.locator("section.route-summary .route-here").count() == 1

    page.goto(portal.url(f"/{lang}/check-in"))
    for ruler, value in (("importance", 7), ("confidence", 5), ("urges", 2), ("factor-lonely", 3)):
        page.check(f'input[name="{ruler}.answer"][value="{value}"]')
    with page.expect_navigation():
        page.click('form[action$="/check-in"] button[type=submit]')
    assert page.locator("ul.comparison li").count() == 4  # three rulers, then the factor

    page.goto(portal.url(f"/{lang}/workbook"))
    assert page.locator("#chart-factor-lonely circle").count() == 2
    assert page.locator('table[aria-labelledby="factor-lonely"] td').all_inner_texts()[1::2] == [
        "8",
        "3",
    ]
    assert [url for url in requested if not url.startswith(portal.origin + "/")] == []


def test_thoughts_of_suicide_show_the_crisis_lines_first_in_the_browser(portal, new_context):
    page = new_context(javascript=False).new_page()
    take_self_check(page, portal.origin, "en", suicide=3, lonely=9)
    first_section = page.locator("main section").first
    assert first_section.get_attribute("class") == "route-crisis"
    assert first_section.locator('a[href^="tel:"]').count() > 0
