"""Only https:, mailto: and tel: links (and the portal's own) survive the sanitiser; every other
scheme loses its target and is reported to the author, however it is written."""

from __future__ import annotations

import pytest

from tests.content.test_sanitise import render

REFUSED = [
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "DATA:text/html,<b>x</b>",
    "javascript:alert(1)",
    "vbscript:msgbox(1)",
    "http://example.org/",
    "file:///etc/passwd",
    "ftp://example.org/x",
    "blob:https://example.org/uuid",
]
ALLOWED = ["https://example.org/help", "mailto:help@example.org", "tel:+34900000000"]


@pytest.mark.parametrize("href", REFUSED)
@pytest.mark.parametrize("written", ["markdown", "html"])
def test_a_link_with_any_other_scheme_loses_its_target_and_is_reported(href, written):
    source = f"[here]({href})" if written == "markdown" else f'<a href="{href}">here</a>'
    html, reported = render(source)
    assert "href=" not in html
    assert reported, html


@pytest.mark.parametrize("href", ALLOWED)
def test_https_mailto_and_tel_links_are_kept(href):
    html, reported = render(f"[here]({href})")
    assert f'href="{href}"' in html
    assert reported == []
