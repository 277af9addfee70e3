"""Guided support in a real Chromium: the visitor writes, previews, sends and reads the reply
(with JavaScript off, and on); the counsellor signs in, reads and replies; axe-core finds no
WCAG A/AA violation on any of their pages (axe needs JavaScript: it runs in the run with it on),
and no request leaves the portal's origin."""

from __future__ import annotations

import pyotp
import pytest

from tests.browser.conftest import LANGS, serving
from tests.browser.helpers import answer_one, keep
from tests.browser.test_accessibility import assert_accessible as check_with_axe
from tests.support.apps import SHIPPED_CONTENT, built_app
from tests.support.guided import PASSWORD, TEAM_PASSPHRASE, enable, set_up_team

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def guided_portal(tmp_path_factory):
    folder = tmp_path_factory.mktemp("guided")
    with serving(folder, **enable()) as served:
        with built_app(f"sqlite:///{folder / 'rumbo.db'}", folder, content=SHIPPED_CONTENT,
                       **enable()) as host:  # fmt: skip
            secret = set_up_team(host)
        yield served, secret


def thread_label(visitor) -> str:
    """The short id the inbox shows for the visitor's (newest) conversation."""
    section = visitor.locator("section.conversation").first.get_attribute("id")
    return section.removeprefix("thread-")[:8]


def _submit(page, selector: str) -> None:
    with page.expect_navigation():
        page.click(selector)


@pytest.mark.parametrize("javascript", [False, True], ids=["no-js", "js-and-axe"])
@pytest.mark.parametrize("lang", LANGS)
def test_write_preview_send_and_read_the_reply(guided_portal, new_context, lang, javascript):
    portal, secret = guided_portal
    elsewhere = []

    def assert_accessible(page):
        if javascript:
            check_with_axe(page)

    visitor = new_context(width=360, javascript=javascript).new_page()
    visitor.on(
        "request", lambda r: None if r.url.startswith(portal.origin) else elsewhere.append(r.url)
    )
    answer_one(visitor, portal.origin, lang)
    keep(visitor, portal.origin, lang)
    visitor.goto(portal.url(f"/{lang}/workbook"))
    _submit(visitor, f'a[href="/{lang}/messages"]')  # the workbook page's link
    assert_accessible(visitor)
    _submit(visitor, f'main a[href="/{lang}/messages/new"]')
    assert visitor.is_visible(".crisis-lines")  # not for emergencies: the lines are right there
    assert visitor.is_visible(f'main a[href="/{lang}/now"]')
    assert_accessible(visitor)
    visitor.fill("#text", f"Browser message in {lang}")
    visitor.check("#share-motivation")
    _submit(visitor, "button[name=action][value=preview]")
    assert f"Browser message in {lang}" in visitor.text_content(".message-preview")
    assert visitor.locator(".message-preview dl.answers dd").count() >= 1  # the shared answers
    assert_accessible(visitor)
    _submit(visitor, "button[name=action][value=send]")
    assert visitor.locator("section.conversation").count() == 1
    assert visitor.locator("section.conversation .message.reply").count() == 0
    assert_accessible(visitor)

    counsellor = new_context(width=1280, javascript=javascript, locale=lang).new_page()
    counsellor.goto(portal.url(f"/counsel/{lang}/sign-in"))
    assert_accessible(counsellor)
    counsellor.fill("#name", "ana")
    counsellor.fill("#password", PASSWORD)
    counsellor.fill("#code", pyotp.TOTP(secret).now())
    counsellor.fill("#team", TEAM_PASSPHRASE)
    _submit(counsellor, "form button[type=submit]")
    assert_accessible(counsellor)
    with counsellor.expect_navigation():
        counsellor.get_by_text(thread_label(visitor)).click()
    assert f"Browser message in {lang}" in counsellor.text_content("main")
    assert_accessible(counsellor)
    counsellor.fill("#text", f"Browser reply in {lang}")
    _submit(counsellor, 'form[action$="/reply"] button')
    _submit(counsellor, 'form[action$="/sign-out"] button')
    assert_accessible(counsellor)

    visitor.goto(portal.url(f"/{lang}/messages"))
    assert f"Browser reply in {lang}" in visitor.text_content("section.conversation")
    assert_accessible(visitor)
    assert elsewhere == []
