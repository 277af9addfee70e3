"""Every page a visitor can reach, from the catalogue, for audits that must cover them all."""

from __future__ import annotations

from app.context import SETTINGS
from app.curriculum import CATALOG
from app.page_cache import PAGE_CACHE


def every_page(app) -> list[str]:
    catalog = CATALOG.of(app)
    urls = ["/"]
    for lang in SETTINGS.of(app).locales:
        urls += [f"/{lang}/", f"/{lang}/modules/", f"/{lang}/help", f"/{lang}/help?country=ES",
                 f"/{lang}/privacy", f"/{lang}/safety", f"/{lang}/family", f"/{lang}/young", f"/{lang}/workbook", f"/{lang}/workbook/plan",
                 f"/{lang}/resume", f"/{lang}/check-in", f"/{lang}/check-in/saved",
                 f"/{lang}/now", f"/{lang}/no-such-page"]  # fmt: skip
        if catalog.self_check(lang) is not None:
            urls += [f"/{lang}/self-check", f"/{lang}/self-check/route"]
        for module in catalog.modules(lang):
            urls.append(f"/{lang}/m/{module.order}/")
            urls.append(f"/{lang}/m/{module.order}/done")
            urls.append(f"/{lang}/m/{module.order}/print")
            urls += [step_address(lang, module, step) for step in module.steps]
    return urls


def step_address(lang, module, step) -> str:
    """A step's neutral address: the module's and the step's numbers (portal/addresses.py)."""
    return f"/{lang}/m/{module.order}/{step.number}"


def read_as_a_public_page(app, path: str):
    """GET ``path`` twice without a cookie: it must set none, be cacheable, and be served the
    second time from the page cache (as the first reader got it). Returns the response."""
    client = app.test_client()
    first = client.get(path)
    assert first.status_code == 200
    assert "Set-Cookie" not in first.headers
    assert first.headers.get("Cache-Control") != "no-store"
    assert PAGE_CACHE.of(app).get(path) == first.data
    assert client.get(path).data == first.data
    return first
