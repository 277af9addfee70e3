"""No inline script or style in any template, and no page loads anything from another host."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support.pages import every_page

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
        assert "style=" not in text, path
        assert "<style" not in text, path
        assert not re.search(r"\son[a-z]+\s*=", text), path  # onclick=, onload=, ...


def test_static_files_load_nothing_from_elsewhere():
    css = (STATIC / "rumbo.css").read_text(encoding="utf-8")
    assert "url(" not in css
    assert "@import" not in css
    assert "@font-face" not in css
    js = (STATIC / "rumbo.js").read_text(encoding="utf-8")
    assert "http" not in js
    assert "fetch(" not in js
    assert "XMLHttpRequest" not in js


def test_no_page_loads_a_resource_from_another_host(shipped_app):
    client = shipped_app.test_client()
    client.post("/en/m/0/7", data={"readiness.answer": "5"})
    for url in every_page(shipped_app):
        html = client.get(url).text
        for match in RESOURCE.finditer(html):
            target = match.group(1) or match.group(2)
            assert target.startswith("/"), (url, target)
            assert not target.startswith("//"), (url, target)
        assert "<iframe" not in html, url
        assert "<embed" not in html, url
        assert "<object" not in html, url
