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
ALLOWED = [
    "https://example.org/help",
    "mailto:help@example.org",
    "mailto:help@example.org?subject=Note:one",  # the scheme is before the first colon
    "tel:+34900000000",
]


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


def reports(source: str) -> list[tuple[str, str]]:
    from app.curriculum.render import Renderer

    found: list[tuple[str, str]] = []
    Renderer({"sample": frozenset({"thinking"})}).render(
        source, lambda message, needle: found.append((message, needle))
    )
    return found


def test_authors_are_told_what_was_removed_and_where_to_find_it():
    assert reports("Text <!-- a note --> more") == [("HTML comments are removed", "<!--")]
    assert reports("<marquee>x</marquee>") == [
        ("HTML <marquee> is not allowed and was removed", "<marquee")
    ]
    assert reports('<em class="loud">x</em>') == [
        ("HTML attribute 'class' on <em> is not allowed and was removed", "class")
    ]
    assert reports('<a href="ftp://example.org/x">x</a>') == [
        (
            "link 'ftp://example.org/x' is not allowed (use https:// or module:/page: links)",
            "ftp://example.org/x",
        )
    ]


@pytest.mark.parametrize(
    "href", ["../help?at=10:30", "#step:two", "notes/a:b", "?q=a:b", "help#a:b", "page"]
)
def test_relative_links_with_a_colon_later_on_are_not_reported(href):
    assert reports(f'<a href="{href}">x</a>') == []


def test_the_scheme_is_what_comes_before_the_first_colon():
    assert len(reports('<a href="javascript:void(0)//x:y">x</a>')) == 1
