"""Rendered fragments are reused between starts, but only when nothing they depend on changed."""

from __future__ import annotations

import json

import pytest

from app.content import check_tree, load_catalog
from app.content.render import Renderer
from app.content.render_cache import RenderCache

LOCALES = ("en", "es")
SECRET = "a-secret-key-for-the-render-cache-tests-0123456789"


def html_of(catalog):
    return [
        str(b.html)
        for lang in LOCALES
        for m in catalog.modules(lang)
        for s in m.steps
        for b in s.blocks
        if hasattr(b, "html")
    ]


@pytest.fixture
def cache_path(tmp_path):
    return tmp_path / "instance" / "render-cache.json"


def load(content, cache_path, secret=SECRET):
    cache = RenderCache(cache_path, secret)
    catalog = load_catalog(content, LOCALES, cache)
    cache.save()
    return catalog


def refuse_rendering(monkeypatch):
    def refuse(*_args, **_kwargs):
        raise AssertionError("rendered although cached")

    monkeypatch.setattr(Renderer, "_render", refuse)


def test_a_second_start_renders_nothing(content_copy, cache_path, monkeypatch):
    first = load(content_copy, cache_path)
    assert cache_path.exists()
    refuse_rendering(monkeypatch)
    second = load(content_copy, cache_path)
    assert html_of(second) == html_of(first)


def test_a_changed_fragment_is_rendered_again(content_copy, cache_path):
    load(content_copy, cache_path)
    path = content_copy / "en" / "02-second.md"
    path.write_text(path.read_text().replace("Back to", "Now **bold** and back to"))
    assert "<strong>bold</strong>" in "".join(html_of(load(content_copy, cache_path)))


def test_a_tampered_cache_is_ignored(content_copy, cache_path):
    load(content_copy, cache_path)
    body, _, mac = cache_path.read_bytes().rpartition(b"\n")
    entries = json.loads(body)
    for entry in entries.values():
        entry[0] = "<script>alert(1)</script>"
    cache_path.write_bytes(json.dumps(entries).encode() + b"\n" + mac)
    assert "<script>" not in "".join(html_of(load(content_copy, cache_path)))


def test_another_secret_key_does_not_trust_the_file(content_copy, cache_path, monkeypatch):
    load(content_copy, cache_path)
    refuse_rendering(monkeypatch)
    with pytest.raises(AssertionError, match="rendered although cached"):
        load(content_copy, cache_path, secret="another-secret-key-that-is-long-enough-000000")


def test_problems_are_reported_from_the_cache_too(content_copy, cache_path, monkeypatch):
    path = content_copy / "en" / "02-second.md"
    path.write_text(path.read_text().replace("Back to", "See [x](module:sample/nowhere). Back to"))
    cache = RenderCache(cache_path, SECRET)
    _, first = check_tree(content_copy, LOCALES, cache=cache)
    cache.save()
    refuse_rendering(monkeypatch)
    _, second = check_tree(content_copy, LOCALES, cache=RenderCache(cache_path, SECRET))
    assert [str(p) for p in second.errors] == [str(p) for p in first.errors]
    assert any("module:sample/nowhere" in str(p) for p in second.errors)


def test_renaming_a_step_invalidates_links_to_it(content_copy, cache_path):
    load(content_copy, cache_path)
    for lang in LOCALES:
        path = content_copy / lang / "01-sample.md"
        path.write_text(path.read_text().replace("{#thinking}", "{#reflecting}"))
    _, problems = check_tree(content_copy, LOCALES, cache=RenderCache(cache_path, SECRET))
    assert any("module:sample/thinking" in str(p) for p in problems.errors)


def test_the_app_keeps_its_cache_in_the_instance_folder(app, tmp_path):
    assert (tmp_path / "instance" / "render-cache.json").exists()
