"""What a page costs: the weight of a step page, with and without a workbook open.

Screenshots for review are artefacts the browser suite saves (tests/browser/conftest.py), not tests."""

from __future__ import annotations

import pytest

from tests.browser.helpers import STEP_WITH, answer_one

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


def test_answer_one_keeps_the_step_page_light_too(portal, new_context):
    """With a workbook open the same step page adds nothing: no extra script, no extra request."""
    page = new_context().new_page()
    answer_one(page, portal.origin, "en")
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(portal.url(f"/en{STEP_WITH['scale']}"))
    page.wait_for_load_state("networkidle")
    assert len(responses) <= MAX_RESOURCES, [r.url for r in responses]
