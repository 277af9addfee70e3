"""A visitor works through a whole module in a real browser, keeps the workbook, closes the
browser and comes back with the passphrase: with JavaScript on and with it off."""

from __future__ import annotations

import pytest

from tests.browser.helpers import STEP_WITH, every_answer, keep, resume, walk_motivation

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("lang", "javascript"),
    [("en", True), ("en", False), ("es", True), ("es", False)],
    ids=["en-js", "en-nojs", "es-js", "es-nojs"],
)
def test_answer_keep_close_and_resume(portal, new_context, lang, javascript):
    requested = []
    first = new_context(javascript=javascript)
    first.on("request", lambda request: requested.append(request.url))
    page = first.new_page()

    answers = walk_motivation(page, portal.origin, lang)
    shown = every_answer(page, portal.origin, lang)
    assert set(shown) == set(answers.expected)
    for exercise_id, lines in answers.expected.items():
        # Each line shows the visitor's words or choice, with the scale's range or the
        # balance cell's label around it.
        assert len(shown[exercise_id]) == len(lines) if lines else shown[exercise_id], exercise_id
        for line, expected in zip(shown[exercise_id], lines, strict=False):
            assert expected in line, (exercise_id, expected, line)

    phrase = keep(page, portal.origin, lang)
    first.close()  # the browser closes: the session-only cookie is gone

    second = new_context(javascript=javascript)
    second.on("request", lambda request: requested.append(request.url))
    page = second.new_page()
    assert every_answer(page, portal.origin, lang) == {}
    assert page.locator('form[action$="/workbook/keep"]').count() == 0  # no workbook open

    resume(page, portal.origin, lang, phrase)
    assert page.url == portal.url(f"/{lang}/workbook")
    assert every_answer(page, portal.origin, lang) == shown

    # The forms show the answers again, ready to change.
    page.goto(portal.url(f"/{lang}{STEP_WITH['myth-or-fact']}"))
    assert page.is_checked("#ex-thoughts-and-destiny-myth")
    page.goto(portal.url(f"/{lang}{STEP_WITH['scale']}"))
    assert page.is_checked('#ex-importance input[value="7"]')
    assert page.input_value("#ex-rulers-why-text") == answers.expected["rulers-why"][0]

    # Privacy rule 2: nothing but the portal itself was asked for anything.
    assert requested
    outside = [url for url in requested if not url.startswith(portal.origin + "/")]
    assert outside == []
