"""axe-core finds no WCAG 2.x A/AA violation on any kind of page, in every language, on a
small phone and on a desktop screen; and no page needs sideways scrolling at 360 px."""

from __future__ import annotations

import json

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import LANGS, WIDTHS
from tests.browser.helpers import STEP_WITH, Answers, answer_one, keep, save, walk_motivation

pytestmark = pytest.mark.browser

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}
AXE = Axe()


def _goto(path):
    def visit(page, portal, lang):
        response = page.goto(portal.url(f"/{lang}{path}"))
        assert response.status == (404 if "no-such" in path else 200)

    return visit


def _error_summary(page, portal, lang):
    page.goto(portal.url(f"/{lang}{STEP_WITH['scale']}"))
    save(page, "rulers-why")  # an empty reflection
    assert page.is_visible(".error-summary")


def _feedback(page, portal, lang):
    answers = Answers(lang)
    page.goto(portal.url(f"/{lang}{STEP_WITH['myth-or-fact']}"))
    answers.myth_or_fact(page, "thoughts-and-destiny", "fact")
    page.goto(portal.url(f"/{lang}{STEP_WITH['choice']}"))
    answers.choice(page, "passphrase", 1)


def _with_answers(path):
    def visit(page, portal, lang):
        walk_motivation(page, portal.origin, lang)
        page.goto(portal.url(f"/{lang}{path}"))
        assert page.locator("main li, main dd").count() > 1

    return visit


def _kept(page, portal, lang):
    answer_one(page, portal.origin, lang)
    keep(page, portal.origin, lang)


def _resume_error(page, portal, lang):
    page.goto(portal.url(f"/{lang}/resume"))
    with page.expect_navigation():
        page.click('form[action$="/resume"] button[type=submit]')  # no passphrase typed
    assert page.is_visible(".error-summary")


PAGES = {
    "home": _goto("/"),
    "modules": _goto("/modules/"),
    "module-overview": _goto("/modules/motivation/"),
    **{f"step-{kind}": _goto(path) for kind, path in STEP_WITH.items()},
    "step-error-summary": _error_summary,
    "step-feedback": _feedback,
    "module-done": _goto("/modules/start/done"),
    "help": _goto("/help"),
    "help-country": _goto("/help?country=ES"),
    "privacy": _goto("/privacy"),
    "safety": _goto("/safety"),
    "workbook-empty": _goto("/workbook"),
    "workbook-answers": _with_answers("/workbook"),
    "plan-empty": _goto("/workbook/plan"),
    "plan-answers": _with_answers("/workbook/plan"),
    "kept-passphrase": _kept,
    "resume-error": _resume_error,
    "not-found": _goto("/no-such-page"),
}


def _describe(violations) -> str:
    return json.dumps(
        [
            {
                "rule": v["id"],
                "impact": v["impact"],
                "help": v["help"],
                "nodes": [(n["target"], n["failureSummary"]) for n in v["nodes"][:5]],
            }
            for v in violations
        ],
        indent=1,
        ensure_ascii=False,
    )


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", PAGES)
def test_no_wcag_violations(portal, new_context, kind, lang, width):
    page = new_context(width=width).new_page()
    PAGES[kind](page, portal, lang)
    results = AXE.run(page, options=AXE_OPTIONS)
    violations = results.response["violations"]
    assert violations == [], f"{page.url}\n{_describe(violations)}"
    if width == min(WIDTHS):  # WCAG 1.4.10 reflow: no horizontal scrolling
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{page.url} is {overflow}px too wide at {width}px"
