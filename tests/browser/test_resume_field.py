"""The resume field is a password field the password manager can fill (the site recommends
one), hidden from onlookers, with a Show button where JavaScript runs; without JavaScript the
field works the same and no dead button shows (issue 23)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

FIELD = "#passphrase"
TOGGLE = "button.password-toggle"


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_passphrase_field_is_a_password_field(portal, new_context, lang, javascript):
    page = new_context(width=360, javascript=javascript).new_page()
    page.goto(portal.url(f"/{lang}/resume"))
    field = page.locator(FIELD)
    assert field.get_attribute("type") == "password"
    assert field.get_attribute("autocomplete") == "current-password"
    page.fill(FIELD, "one two three")
    assert field.input_value() == "one two three"
    assert page.locator(TOGGLE).is_visible() is javascript
    with page.expect_navigation():
        page.click('form[action$="/resume"] button[type=submit]')
    assert page.locator(".error-summary").is_visible()  # sent and answered, not lost


@pytest.mark.parametrize("lang", ["es", "en"])
def test_show_reveals_the_passphrase_and_hide_hides_it_again(portal, new_context, lang):
    page = new_context(width=360).new_page()
    page.goto(portal.url(f"/{lang}/resume"))
    page.fill(FIELD, "words typed here")
    toggle = page.locator(TOGGLE)
    shown_before = toggle.inner_text()
    toggle.click()
    assert page.locator(FIELD).get_attribute("type") == "text"
    assert toggle.get_attribute("aria-pressed") == "true"
    assert toggle.inner_text() != shown_before
    toggle.click()
    assert page.locator(FIELD).get_attribute("type") == "password"
    assert toggle.get_attribute("aria-pressed") == "false"
    assert page.locator(FIELD).input_value() == "words typed here"


def test_a_shown_passphrase_is_hidden_again_as_the_form_is_sent(portal, new_context):
    page = new_context(width=360).new_page()
    page.goto(portal.url("/en/resume"))
    page.fill(FIELD, "a b c")
    page.click(TOGGLE)
    page.evaluate(
        "document.querySelector('form[action$=\"/resume\"]')"
        ".addEventListener('submit', e => { window.sentAs = document.querySelector('#passphrase').type; e.preventDefault(); })"
    )
    page.click('form[action$="/resume"] button[type=submit]')
    assert page.evaluate("window.sentAs") == "password"
