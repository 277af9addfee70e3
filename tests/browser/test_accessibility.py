"""axe-core finds no WCAG 2.x A/AA violation on any kind of page, in every language, on a
small phone and on a desktop screen; and no page needs sideways scrolling at 360 px."""

from __future__ import annotations

import json

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import LANGS, WIDTHS
from tests.browser.helpers import (
    STEP_WITH,
    Answers,
    answer_one,
    check_in,
    keep,
    save,
    take_self_check,
    walk_motivation,
)

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
    # Longer than the box allows: only a page's script can do it, but the page must cope.
    page.evaluate("document.querySelector('#ex-rulers-why-text').value = 'x'.repeat(10001)")
    save(page)
    assert page.is_visible(".error-summary")


def _feedback(page, portal, lang):
    answers = Answers(lang)
    page.goto(portal.url(f"/{lang}{STEP_WITH['myth-or-fact']}"))
    answers.myth_or_fact(page, "thoughts-and-destiny", "fact")
    page.goto(portal.url(f"/{lang}{STEP_WITH['choice']}"))
    answers.choice(page, "passphrase", 1)


def _kept(page, portal, lang):
    answer_one(page, portal.origin, lang)
    keep(page, portal.origin, lang)


def _resume_error(page, portal, lang):
    page.goto(portal.url(f"/{lang}/resume"))
    with page.expect_navigation():
        page.click('form[action$="/resume"] button[type=submit]')  # no passphrase typed
    assert page.is_visible(".error-summary")


def _check_in_error(page, portal, lang):
    page.goto(portal.url(f"/{lang}/check-in"))
    page.fill("#ex-note-text", "typed")
    with page.expect_navigation():
        page.click('form[action$="/check-in"] button[type=submit]')  # no ruler chosen
    assert page.is_visible(".error-summary")


def _delete_asked(page, portal, lang):
    answer_one(page, portal.origin, lang)
    page.goto(portal.url(f"/{lang}/workbook"))
    with page.expect_navigation():
        page.click("form.delete-form button")
    assert page.locator('input[name="confirm"]').count() == 1


def _check_ins(page, portal, lang):
    check_in(page, portal.origin, lang, "first", urges=8)  # the comparison page comes next
    check_in(page, portal.origin, lang, "second")
    page.goto(portal.url(f"/{lang}/workbook"))
    assert page.locator("svg.chart").count() == 3


def _check_in_history(page, portal, lang):
    check_in(page, portal.origin, lang, "first", urges=8)
    check_in(page, portal.origin, lang, "second")
    page.goto(portal.url(f"/{lang}/workbook/check-ins"))
    assert page.locator("svg.chart").count() == 3
    assert page.locator(".check-in-entry").count() == 2


def _self_check_route(page, portal, lang):
    take_self_check(page, portal.origin, lang, suicide=2, lonely=8, urge_strength=9)
    assert page.is_visible(".route-crisis")


def _self_check_followed(page, portal, lang):
    take_self_check(page, portal.origin, lang, lonely=8, mood=7)
    check_in(page, portal.origin, lang, "x")  # the factors' change follows the rulers
    page.goto(portal.url(f"/{lang}/workbook"))
    assert page.locator("svg.chart").count() >= 3


def _where_am_i(option: int, then: str):
    """Answer "where am I?" and press Save (stay) or Save and continue (next)."""

    def run(page, portal, lang):
        page.goto(portal.url(f"/{lang}/m/0/1"))
        page.check(f"#ex-where-am-i-now-{option}")
        with page.expect_navigation():
            page.click(f"form.step-form button[name=then][value={then}]")
        assert page.locator(".notice, #urgent").count() > 0

    return run


PAGES = {
    "home": _goto("/"),
    "modules": _goto("/modules/"),
    "module-overview": _goto("/m/1/"),
    "module-print": _goto("/m/1/print"),
    **{f"step-{kind}": _goto(path) for kind, path in STEP_WITH.items()},
    "step-error-summary": _error_summary,
    "step-feedback": _feedback,
    "module-done": _goto("/m/0/done"),
    "help": _goto("/help"),
    "help-country": _goto("/help?country=ES"),
    "privacy": _goto("/privacy"),
    "safety": _goto("/safety"),
    "workbook-empty": _goto("/workbook"),
    "workbook-answers": _goto("/workbook"),
    "home-with-progress": _goto("/"),
    "modules-with-progress": _goto("/modules/"),
    "module-overview-with-progress": _goto("/m/1/"),
    "plan-empty": _goto("/workbook/plan"),
    "plan-answers": _goto("/workbook/plan"),
    "kept-passphrase": _kept,
    "resume-error": _resume_error,
    "not-found": _goto("/no-such-page"),
    "check-in": _goto("/check-in"),
    "check-in-error": _check_in_error,
    "check-in-saved": lambda page, portal, lang: check_in(page, portal.origin, lang, "x", 8),
    "workbook-check-ins": _check_ins,
    "delete-asked": _delete_asked,
    "workbook-check-in-history": _check_in_history,
    "workbook-check-in-history-empty": _goto("/workbook/check-ins"),
    "workbook-module-answers": _goto("/workbook/1"),
    "workbook-module-empty": _goto("/workbook/1"),
    "now": _goto("/now"),
    "now-own-plan": _goto("/now"),
    "self-check": _goto("/self-check"),
    "self-check-route-empty": _goto("/self-check/route"),
    "self-check-route": _self_check_route,
    "modules-with-route": lambda page, portal, lang: (
        take_self_check(page, portal.origin, lang, lonely=8),
        page.goto(portal.url(f"/{lang}/modules/")),
    ),
    "workbook-factors": _self_check_followed,
    "young": _goto("/young"),
    "step-saved-notice": _where_am_i(2, "stay"),
    "step-after-notice": _where_am_i(2, "next"),
    "now-from-a-crisis-answer": _where_am_i(0, "next"),
}
WITH_ANSWERS = {
    "workbook-answers",
    "home-with-progress",
    "modules-with-progress",
    "module-overview-with-progress",
    "workbook-module-answers",
    "plan-answers",
    "now-own-plan",
}  # opened with the workbook of a whole module


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


@pytest.fixture(scope="module")
def answered(portal, browser):
    """Per language, the browser state of a visitor who answered the whole motivation module."""
    states = {}

    def state(lang):
        if lang not in states:
            context = browser.new_context()
            walk_motivation(context.new_page(), portal.origin, lang)
            states[lang] = context.storage_state()  # the session cookie, as a browser holds it
            context.close()
        return states[lang]

    return state


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", PAGES)
def test_no_wcag_violations(portal, new_context, answered, kind, lang):
    state = answered(lang) if kind in WITH_ANSWERS else None
    page = new_context(width=WIDTHS[0], storage_state=state).new_page()
    PAGES[kind](page, portal, lang)
    if kind in WITH_ANSWERS:
        assert page.locator("main li, main dd").count() > 2
    assert_accessible(page)


# The authors' review pages, in the preview; their own words follow the browser's language.
REVIEW_PAGES = ("/review/", "/review/motivation", "/review/start", "/review/self-check/")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", REVIEW_PAGES)
def test_review_pages_have_no_wcag_violations(preview_portal, new_context, path, lang):
    page = new_context(width=WIDTHS[0], locale=lang).new_page()
    response = page.goto(preview_portal.url(path))
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == lang
    assert_accessible(page)


def test_print_page_in_print_media_has_no_wcag_violations(portal, new_context):
    page = new_context(width=WIDTHS[0]).new_page()
    page.goto(portal.url("/en/m/1/print"))
    page.emulate_media(media="print")
    assert not page.is_visible(".site-header")  # print CSS: the site around the module is hidden
    assert page.is_visible(".print-help")
    assert page.locator(".write-line").count() > 10
    assert_accessible(page)


def assert_accessible(page) -> None:
    """No axe-core violation, and no sideways scrolling, on a small phone and a desktop."""
    page.evaluate(AXE.axe_script)  # axe-core, as bundled with axe-playwright-python
    problems = []
    for width in WIDTHS:  # the same page, reflowed: small phone first, then desktop
        page.set_viewport_size({"width": width, "height": 800})
        violations = page.evaluate("(options) => axe.run(document, options)", AXE_OPTIONS)[
            "violations"
        ]
        if violations:
            problems.append(f"at {width}px: {_describe(violations)}")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if overflow > 0:  # WCAG 1.4.10 reflow: no sideways scrolling
            problems.append(f"at {width}px the page is {overflow}px too wide")
    assert problems == [], f"{page.url}\n" + "\n".join(problems)
