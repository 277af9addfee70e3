"""Keyboard only: the skip link comes first, the quick exit right after, and Tab reaches every
control of a step page, and its forward control ("Save and continue" or "Next"), each with a focus indicator one can see."""

from __future__ import annotations

import pytest

from tests.browser.helpers import STEP_WITH

pytestmark = pytest.mark.browser

MAX_TABS = 150
# Each control of the main content is labelled once, before any key is pressed: radio buttons by
# their group (Tab visits a group once; the arrow keys move inside it), the rest one by one.
CONTROLS = """() => Array.from(document.querySelectorAll(
    'main input:not([type=hidden]), main textarea, main select, main button'))
  .map((el, index) => {
    el.dataset.control = el.type === 'radio' ? `${el.closest('.exercise').id} ${el.name}` : `control ${index}`;
    return el.dataset.control;
  })"""
FOCUSED = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  return {
    key: el.dataset.control || el.outerHTML.slice(0, 120),
    classes: el.className,
    rel: el.getAttribute('rel'),
    forward: el.matches('a[rel=next], button[name=then][value=next]'),
    outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
    shadow: style.boxShadow !== 'none',
    shown: box.width > 0 && box.height > 0 && style.visibility !== 'hidden',
  };
}"""


def tab_until_next_link(page) -> list[dict]:
    stops = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUSED))
        if stops[-1]["forward"]:
            return stops
    raise AssertionError(f"no forward control after {MAX_TABS} presses of Tab: {stops[-5:]}")


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("kind", STEP_WITH)
def test_tab_reaches_every_control_with_visible_focus(portal, page, kind, lang):
    page.goto(portal.url(f"/{lang}{STEP_WITH[kind]}"))
    controls = page.evaluate(CONTROLS)
    assert len(controls) >= 2  # at least one answer field and its submit button

    stops = tab_until_next_link(page)

    assert "skip-link" in stops[0]["classes"]
    assert "quick-exit" in [stop["classes"] for stop in stops[:3]]  # at most one stop before it
    keys = [stop["key"] for stop in stops]
    assert len(keys) == len(set(keys)), "focus came back to an element it had already visited"
    missed = [control for control in dict.fromkeys(controls) if control not in keys]
    assert missed == []
    invisible = [s["key"] for s in stops if not s["shown"] or not (s["outline"] or s["shadow"])]
    assert invisible == [], "focus cannot be seen on these"


def test_skip_link_moves_focus_to_the_main_content(portal, page):
    page.goto(portal.url(f"/en{STEP_WITH['scale']}"))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert page.evaluate("document.activeElement.getBoundingClientRect().top") >= 0  # on screen
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")  # the next stop is inside the main content, not the header
    assert page.evaluate("document.activeElement.closest('main') !== null")
