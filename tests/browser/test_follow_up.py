"""The follow-up in a real browser: check in twice and see both charted, download the calendar
reminder, read "Right now" with one's own plan; with JavaScript on and off, keyboard only."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.helpers import check_in, walk_motivation
from tests.browser.test_keyboard import CONTROLS, FOCUSED

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "nojs"])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_two_check_ins_are_charted_and_the_reminder_downloads(
    portal, new_context, lang, javascript
):
    context = new_context(javascript=javascript, accept_downloads=True)
    requested = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    check_in(page, portal.origin, lang, "first check-in note", urges=8)
    assert page.url.endswith(f"/{lang}/check-in/saved")
    assert page.locator("ul.comparison li").count() == 3
    check_in(page, portal.origin, lang, "second check-in note")

    page.goto(portal.url(f"/{lang}/workbook"))  # the last weeks' charts and the latest
    assert page.locator("svg.chart").count() == 3
    assert page.is_visible("text=second check-in note")
    page.click(f'a[href="/{lang}/workbook/check-ins"]')  # every check-in, with the year
    assert page.locator("svg.chart").count() == 3
    assert page.locator("#chart-urges circle").count() == 2
    assert page.is_visible("text=first check-in note")
    assert page.is_visible("text=second check-in note")

    page.goto(portal.url(f"/{lang}/check-in"))
    page.check("#reminder-4")
    with page.expect_download() as download:
        page.click('form[action$="/check-in/reminder"] button[type=submit]')
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert text.startswith("BEGIN:VCALENDAR")
    assert download.value.suggested_filename == "reminder.ics"
    assert [url for url in requested if not url.startswith(portal.origin + "/")] == []


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "nojs"])
def test_right_now_shows_the_visitors_own_plan_first(portal, new_context, javascript):
    page = new_context(javascript=javascript).new_page()
    page.goto(portal.url("/en/"))
    page.click("a.right-now")
    assert page.url.endswith("/en/now")
    assert page.locator(".own-plan li").count() == 0
    walk_motivation(page, portal.origin, "en")  # its reasons feed the plan
    page.goto(portal.url("/en/now"))
    assert page.locator(".own-plan li").count() > 0


@pytest.mark.parametrize("path", ["/check-in", "/now"])
def test_tab_reaches_every_control_with_visible_focus(portal, page, path):
    page.goto(portal.url(f"/en{path}"))
    controls = page.evaluate(CONTROLS)
    stops = []
    for _ in range(150):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUSED))
        if "site-footer" in page.evaluate(
            "document.activeElement.closest('footer')?.className || ''"
        ):
            break
    classes = [stop["classes"] for stop in stops]
    assert "skip-link" in classes[0]
    assert classes.index("quick-exit") < classes.index("right-now") <= 3
    keys = [stop["key"] for stop in stops]
    missed = [control for control in dict.fromkeys(controls) if control not in keys]
    assert missed == []
    invisible = [s["key"] for s in stops if not s["shown"] or not (s["outline"] or s["shadow"])]
    assert invisible == []
