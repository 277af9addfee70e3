"""Rendered content passes the allow-list: no script, no handlers, no unsafe links."""

import pytest

from app.curriculum.render import Renderer
from app.curriculum.sanitise import as_a_browser_reads, clean, is_protocol_relative


def render(text):
    reported = []
    html = Renderer({"sample": (1, {"thinking": 1})}).render(
        text, lambda message, needle: reported.append(message)
    )
    return str(html), reported


def test_script_tags_are_removed():
    html, reported = render("Hello <script>alert(1)</script> world")
    assert "<script" not in html
    assert reported


def test_event_handler_attributes_are_removed():
    html, _ = render(
        '<p onclick="x()">Hi</p>\n\n<a href="https://example.org" onmouseover="x()">a</a>'
    )
    assert "onclick" not in html
    assert "onmouseover" not in html


def test_onerror_on_images_is_removed():
    html, _ = render('<img src="https://evil.example/x.png" onerror="alert(1)">')
    assert "onerror" not in html
    assert "<img" not in html
    assert "evil.example" not in html


def test_javascript_links_lose_their_target():
    html, reported = render("[click](javascript:alert(1))")
    assert "javascript:" not in html
    assert any("javascript:alert(1)" in r for r in reported)


def test_style_attributes_and_iframes_are_removed():
    html, _ = render('<p style="color:red">x</p>\n\n<iframe src="https://example.org"></iframe>')
    assert "style=" not in html
    assert "iframe" not in html


def test_plain_http_links_are_not_allowed():
    html, reported = render("[old](http://example.org)")
    assert 'href="http://' not in html
    assert reported


def test_external_links_get_noopener_noreferrer():
    html, reported = render("[Stop It Now](https://www.stopitnow.org.uk/)")
    assert 'rel="noopener noreferrer"' in html
    assert reported == []


def test_portal_links_become_relative_addresses():
    html, reported = render("[a](module:sample) [b](module:sample/thinking) [c](page:help)")
    assert 'href="../../m/1/"' in html  # neutral addresses: numbers, not words
    assert 'href="../../m/1/1"' in html
    assert 'href="../../help"' in html
    assert reported == []


def test_clean_keeps_ordinary_markup():
    assert clean("<p><strong>a</strong> <em>b</em></p>") == "<p><strong>a</strong> <em>b</em></p>"


def test_text_that_looks_like_an_address_is_not_turned_into_a_link():
    html, reported = render("Download `workbook.md` or see example.org and www.example.com")
    assert "<a" not in html
    assert reported == []


def test_raw_https_links_get_noopener_noreferrer_too():
    html, _ = render('<a href="https://example.org/">x</a>')
    assert 'rel="noopener noreferrer"' in html


def test_protocol_relative_links_are_removed_and_reported():
    # Markdown turns four backslashes into two: "\\\\host" is read by browsers as "//host".
    for href in ("//evil.example/x", "\\\\\\\\evil.example/x", " //evil.example"):
        html, reported = render(f"[away]({href})")
        assert "evil.example" not in html, href
        assert reported, href


def test_headings_follow_the_page_title_without_skipping_a_level():
    html, _ = render("### What to do\n\n#### Then")
    assert "<h2>What to do</h2>" in html
    assert "<h3>Then</h3>" in html


@pytest.mark.parametrize(
    "anchor",
    [
        '<a href="/&#9;/evil.example/x">away</a>',  # browsers drop the tab: //evil.example/x
        '<a href="/&#10;/evil.example/x">away</a>',
        '<a href="&#13;/\\evil.example/x">away</a>',
        '<a href="/\\evil.example/x">away</a>',  # a backslash is a slash to a browser
        '<a href="\\/evil.example/x">away</a>',
        '<a href="&#1;//evil.example/x">away</a>',  # control characters trimmed at the ends
        '<a href="jav&#9;ascript:alert(1)//evil.example">away</a>',
    ],
)
def test_links_are_judged_as_a_browser_reads_them(anchor):
    html, reported = render(f"Go {anchor} now.")
    assert "evil.example" not in html, anchor
    assert reported, anchor


def test_content_check_refuses_a_link_a_browser_reads_as_another_site(runner, content_copy):
    path = content_copy / "en" / "01-sample.md"
    text = path.read_text(encoding="utf-8")
    needle = "Some **text** to read"
    path.write_text(
        text.replace(needle, f'{needle} <a href="/&#9;/evil.example/x">here</a>', 1),
        encoding="utf-8",
    )
    result = runner.invoke(args=["content", "check", str(content_copy)])
    assert result.exit_code == 1, result.output
    assert "evil.example" in result.output
    assert f"{path}:" in result.output


@pytest.mark.parametrize("control", ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1f", " "])
def test_a_browser_trims_control_characters_and_spaces_at_both_ends_of_an_address(control):
    href = f"{control}//evil.example/x{control}"
    assert as_a_browser_reads(href) == "//evil.example/x"
    assert is_protocol_relative(href)
    assert as_a_browser_reads(f"{control}/\\evil.example") == "//evil.example"
