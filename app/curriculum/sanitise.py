"""The one allow-list for HTML that content may produce, and the cleaner that enforces it.

Content is rendered from Markdown written by clinicians; the cleaner makes sure nothing in it
can run script, load a third-party resource or carry style, whatever the Markdown contains.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from html.parser import HTMLParser

import bleach
from bleach.html5lib_shim import Filter

# (message for the author, the text in the source it is about)
Report = Callable[[str, str], None]

ALLOWED_TAGS = frozenset({
    "p", "h3", "h4", "h5", "h6", "ul", "ol", "li", "strong", "em", "b", "i", "a",
    "blockquote", "code", "pre", "hr", "br", "abbr", "span", "dl", "dt", "dd", "sub", "sup",
})  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": ["href", "title", "rel"],
    "abbr": ["title"],
    "span": ["lang"],
    "p": ["lang"],
    "blockquote": ["lang"],
}
ALLOWED_PROTOCOLS = frozenset({"https", "mailto", "tel"})
EXTERNAL_REL = "noopener noreferrer"


BROWSER_DROPS = re.compile(r"[\t\n\r]")  # removed anywhere in an address (WHATWG URL)
BROWSER_TRIMS = "".join(map(chr, range(0x21)))  # C0 controls and space, at either end


def as_a_browser_reads(href: str) -> str:
    """``href`` as a browser parses it: ASCII tab and newline removed anywhere, control
    characters and spaces trimmed, backslashes read as slashes. Links are judged on this."""
    return BROWSER_DROPS.sub("", href).strip(BROWSER_TRIMS).replace("\\", "/")


def is_protocol_relative(href: str) -> bool:
    """``//host/path`` (or ``\\host``, ``/<tab>/host``: the same to a browser) leaves the portal
    while looking relative: bleach's protocol check lets it through, so we refuse it here."""
    return as_a_browser_reads(href).startswith("//")


class ExternalLinkFilter(Filter):
    """Adds rel="noopener noreferrer" to links that leave the portal and drops protocol-relative
    ones. Creates no new links: text that merely looks like an address (``workbook.md``) stays
    text."""

    def __iter__(self) -> Iterator[dict]:
        for token in super().__iter__():
            if token["type"] == "StartTag" and token["name"] == "a":
                attrs = token["data"]
                # bleach keeps character references as written: read them as a browser does.
                href = html.unescape(attrs.get((None, "href"), ""))
                if is_protocol_relative(href):
                    del attrs[(None, "href")]
                elif href.startswith("https://"):
                    attrs[(None, "rel")] = EXTERNAL_REL
            yield token


_CLEANER = bleach.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    strip_comments=True,
    filters=[ExternalLinkFilter],
)


HEADING = re.compile(r"<(/?)h([3-6])>")


def clean(html: str) -> str:
    """Return ``html`` with everything outside the allow-list removed.

    Authors write ``###`` for a heading inside a step or page (``##`` starts a step); on the
    page it follows the ``<h1>`` title, so it becomes ``<h2>``: headings never skip a level.
    """
    return HEADING.sub(lambda m: f"<{m[1]}h{int(m[2]) - 1}>", _CLEANER.clean(html))


class _Auditor(HTMLParser):
    """Lists what :func:`clean` will remove, so authors are told instead of surprised."""

    def __init__(self, report: Report) -> None:
        super().__init__()
        self.report = report

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.report(f"HTML <{tag}> is not allowed and was removed", f"<{tag}")
            return
        allowed = ALLOWED_ATTRIBUTES.get(tag, [])
        for name, value in attrs:
            if name not in allowed:
                self.report(
                    f"HTML attribute {name!r} on <{tag}> is not allowed and was removed", name
                )
            elif name == "href" and value and not _allowed_href(value):
                self.report(
                    f"link {value!r} is not allowed (use https:// or module:/page: links)", value
                )

    def handle_comment(self, data: str) -> None:
        self.report("HTML comments are removed", "<!--")


def _allowed_href(href: str) -> bool:
    if is_protocol_relative(href):
        return False
    scheme, colon, _ = as_a_browser_reads(href).partition(":")
    if not colon or "/" in scheme or "?" in scheme or "#" in scheme:
        return True  # relative link
    return scheme.lower() in ALLOWED_PROTOCOLS


def audit(html: str, report: Report) -> None:
    """Call ``report`` once for each thing in ``html`` that the cleaner would remove, with
    what it is (the ``needle`` an author can find in the source)."""
    auditor = _Auditor(report)
    auditor.feed(html)
    auditor.close()
