"""Markdown to safe HTML, with the portal's own link forms resolved at start-up.

Authors write ``module:pathway``, ``module:pathway/why-now`` or ``page:help``; these become
relative addresses, so rendered HTML is the same wherever the portal is mounted.
"""

from __future__ import annotations

from collections.abc import Mapping
from xml.etree.ElementTree import Element

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from .sanitise import Report, audit, clean

# Paths relative to /<lang>/. Module overviews (/<lang>/m/<number>/) and steps
# (/<lang>/m/<number>/<step number>) share a directory two levels below it: prefix "../../".
# Addresses are neutral (portal/addresses.py): numbers, never a module's or a step's words.
PAGE_LINKS = {
    "home": "./",
    "modules": "modules/",
    "help": "help",
    "safety": "safety",
    "privacy": "privacy",
    "family": "family",
    "young": "young",
    "workbook": "workbook",
    "plan": "workbook/plan",
    "resume": "resume",
    "check-in": "check-in",
    "now": "now",
    "self-check": "self-check",
    "easy-now": "easy/now",
    "easy-start": "easy/start",
}
MODULE_PREFIX = "../../"


def page_prefix(name: str) -> str:
    """From a standalone page's directory back to /<lang>/: one "../" per "/" in its address
    (``easy/now`` is one level down)."""
    return "../" * PAGE_LINKS.get(name, "").count("/")


# Per module slug: its number and its steps' numbers by id.
Known = Mapping[str, tuple[int, Mapping[str, int]]]


def resolve_link(href: str, known: Known, prefix: str) -> str | None:
    """Return the relative address for a ``module:`` or ``page:`` link, or None if unknown."""
    kind, _, target = href.partition(":")
    if kind == "page":
        page = PAGE_LINKS.get(target)
        return None if page is None else (prefix + page or "./")
    slug, _, step = target.partition("/")
    if slug not in known or (step and step not in known[slug][1]):
        return None
    number, steps = known[slug]
    return f"{prefix}m/{number}/{steps[step] if step else ''}"


class _LinkResolver(Treeprocessor):
    def __init__(self, md: markdown.Markdown, ext: _PortalLinks) -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, root: Element) -> None:
        for link in root.iter("a"):
            href = link.get("href", "")
            if href.startswith(("module:", "page:")):
                resolved = resolve_link(href, self.ext.known, self.ext.prefix)
                if resolved is None:
                    self.ext.report(
                        f"link {href!r} points to a module, step or page that does not exist", href
                    )
                    resolved = self.ext.prefix or "./"
                link.set("href", resolved)


class _PortalLinks(Extension):
    def __init__(self) -> None:
        super().__init__()
        self.known: Known = {}
        self.prefix = MODULE_PREFIX
        self.report: Report = lambda message, needle: None

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_LinkResolver(md, self), "portal_links", 1)


class Renderer:
    """Renders Markdown fragments of one content tree; reuse it, it is not thread-safe."""

    def __init__(self, known: Known) -> None:
        self._links = _PortalLinks()
        self._links.known = known
        self._md = markdown.Markdown(extensions=["sane_lists", self._links], output_format="html")

    def render(self, text: str, report: Report, prefix: str = MODULE_PREFIX) -> Markup:
        """Render ``text``; ``prefix`` leads from the page's directory to /<lang>/."""
        self._md.reset()
        self._links.report = report
        self._links.prefix = prefix
        raw = self._md.convert(text)
        audit(raw, report)
        return Markup(clean(raw))  # noqa: S704 (cleaned by the allow-list just above)
