"""On a phone the header is compact (two short rows, not four), and the crisis help has one name
in the header and in the footer's panel, leading to the Right now page (issue 23)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PAGES = ("/", "/modules/", "/m/1/1", "/workbook", "/help")


def overlap(a, b) -> bool:
    return not (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )


@pytest.mark.parametrize("lang", ["es", "en"])
@pytest.mark.parametrize(("width", "rows"), [(320, 3), (360, 2), (412, 2)])
def test_the_header_is_compact_on_a_phone(portal, new_context, lang, width, rows):
    """Four rows took 30% of a 360 px screen; now two (three below 360 px), 44 px targets."""
    page = new_context(width=width).new_page()
    for path in PAGES:
        page.goto(portal.url(f"/{lang}{path}"))
        header = page.locator(".site-header").bounding_box()
        assert header is not None
        assert header["height"] <= rows * 48 + 16, (path, header)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path
        exit_box = page.locator("#quick-exit").bounding_box()
        for link in page.locator(".site-header a:not(#quick-exit)").all():
            box = link.bounding_box()
            assert box["height"] >= 44, (path, box)
            assert not overlap(box, exit_box), (path, box, exit_box)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("lang", ["es", "en"])
def test_crisis_help_has_one_name_and_leads_to_right_now(portal, new_context, lang, javascript):
    page = new_context(width=360, javascript=javascript).new_page()
    page.goto(portal.url(f"/{lang}/m/1/1"))
    header_links = page.locator(".site-header a").evaluate_all(
        "links => links.map(a => [a.className, a.getAttribute('href'), a.childNodes[0].textContent.trim()])"
    )
    crisis = [link for link in header_links if link[1] == f"/{lang}/now"]
    assert len(crisis) == 1, header_links
    assert not [link for link in header_links if link[1].startswith("#help")], header_links
    name = crisis[0][2]
    panel_title = page.locator("#help-now h2").inner_text().strip()
    assert panel_title == name
    with page.expect_navigation():
        page.click("#help-now a.right-now-more")
    assert page.url.endswith(f"/{lang}/now")
    assert page.locator("#urgent .crisis-lines a[href^='tel:']").count() > 0
