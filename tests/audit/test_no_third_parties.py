"""No inline script or style in any template, and no page loads anything from another host."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .pages import every_page

pytestmark = pytest.mark.audit
TEMPLATES = Path(__file__).resolve().parents[2] / "app" / "templates"
STATIC = Path(__file__).resolve().parents[2] / "app" / "static"
RESOURCE = re.compile(
    r"""(?:src|srcset|action|data|poster|formaction)\s*=\s*["']([^"']+)|<link[^>]+href=["']([^"']+)""",
    re.I,
)


def test_templates_have_no_inline_script_or_style():
    for path in TEMPLATES.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), path
        assert "style=" not in text and "<style" not in text, path
        assert not re.search(r"\son[a-z]+\s*=", text), path  # onclick=, onload=, ...


def test_static_files_load_nothing_from_elsewhere():
    css = (STATIC / "rumbo.css").read_text(encoding="utf-8")
    assert "url(" not in css and "@import" not in css and "@font-face" not in css
    js = (STATIC / "rumbo.js").read_text(encoding="utf-8")
    assert "http" not in js and "fetch(" not in js and "XMLHttpRequest" not in js


def test_no_page_loads_a_resource_from_another_host(shipped_app):
    client = shipped_app.test_client()
    client.post("/en/modules/start/ready", data={"exercise": "readiness", "answer": "5"})
    for url in every_page(shipped_app):
        html = client.get(url).text
        for match in RESOURCE.finditer(html):
            target = match.group(1) or match.group(2)
            assert target.startswith("/") and not target.startswith("//"), (url, target)
        assert "<iframe" not in html and "<embed" not in html and "<object" not in html, url
