"""What a page costs and how it looks: weight of a step page, and screenshots for review."""

from __future__ import annotations

import pytest

from tests.browser.conftest import SCREENSHOTS, WIDTHS
from tests.browser.helpers import STEP_WITH, answer_one, walk_motivation

pytestmark = pytest.mark.browser

MAX_BYTES = 40 * 1024  # HTML, CSS, JS and images of one page, uncompressed
MAX_RESOURCES = 4  # the document included


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_step_page_is_light(portal, new_context, lang):
    page = new_context().new_page()  # a fresh profile: nothing cached
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(portal.url(f"/{lang}{STEP_WITH['scale']}"))
    page.wait_for_load_state("networkidle")

    sizes = {response.url: len(response.body()) for response in responses}
    assert len(responses) <= MAX_RESOURCES, list(sizes)
    assert sum(sizes.values()) < MAX_BYTES, sizes
    # The browser agrees, counting decoded bodies of every resource the page loaded.
    decoded = page.evaluate(
        """() => performance.getEntriesByType('navigation')
             .concat(performance.getEntriesByType('resource'))
             .map((entry) => entry.decodedBodySize)"""
    )
    assert len(decoded) <= MAX_RESOURCES, decoded
    assert sum(decoded) < MAX_BYTES, decoded


SHOTS = {
    "home": "/",
    "step": STEP_WITH["scale"],
    "workbook": "/workbook",
    "help": "/help",
}


@pytest.fixture(scope="module")
def answered_state(portal, browser):
    context = browser.new_context()
    walk_motivation(context.new_page(), portal.origin, "en")
    state = context.storage_state()
    context.close()
    return state


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", SHOTS)
def test_screenshot(portal, new_context, answered_state, name, width):
    state = answered_state if name == "workbook" else None
    page = new_context(width=width, storage_state=state).new_page()
    page.goto(portal.url(f"/en{SHOTS[name]}"))
    if name == "workbook":
        assert page.locator("dl.answers dd").count() > 5
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}-{width}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 5_000


def test_answer_one_keeps_the_step_page_light_too(portal, new_context):
    """With a workbook open the same step page adds nothing: no extra script, no extra request."""
    page = new_context().new_page()
    answer_one(page, portal.origin, "en")
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(portal.url(f"/en{STEP_WITH['scale']}"))
    page.wait_for_load_state("networkidle")
    assert len(responses) <= MAX_RESOURCES, [r.url for r in responses]
