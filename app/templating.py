"""What every template can use: the site's texts, the locale, the language switch, assets."""

from __future__ import annotations

from typing import Any

from flask import Flask, render_template, request, url_for
from markupsafe import Markup
from werkzeug.routing import BuildError

from . import assets
from .context import SETTINGS, Slot, settings
from .i18n import current_locale

# Query arguments a page reads, carried over when the visitor switches language. Only these:
# anything else in the address (``_method``, or a name the route also uses) must not reach
# url_for, where it would change the address or raise.
KEPT_QUERY_ARGUMENTS = ("country",)


def switch_url(locale: str) -> str:
    """The same page in another locale; the home page when there is no such page."""
    if request.endpoint and request.url_rule and "lang" in request.url_rule.arguments:
        values: dict[str, Any] = {}
        if request.method == "GET":
            values.update(
                (name, request.args[name]) for name in KEPT_QUERY_ARGUMENTS if name in request.args
            )
        values.update(request.view_args or {}, lang=locale)
        try:
            return url_for(request.endpoint, **values)
        except BuildError:  # a module the content no longer has (the authors' preview)
            pass
    return url_for("portal.home", lang=locale)


# Per process: (fragment, locale, mount point, variant) -> HTML. A few entries; never personal.
FRAGMENTS: Slot[dict[tuple[str, str, str, str], Markup]] = Slot("fragments")
# Per process: the addresses templates build. Their values come from the catalogue, the locale
# and the templates themselves, never from what a visitor sent, so there are a few thousand at
# most; the bound only guards against a mistake.
URLS: Slot[dict[tuple[Any, ...], str]] = Slot("template_urls")
MAX_URLS = 20_000


def cached_url_for(endpoint: str, **values: Any) -> str:
    """Flask's ``url_for``, each address worked out once per process: templates call it under
    Flask's name (``init_app``), so they read as any Flask template.

    Performance (docs/performance.md): a personal page builds a dozen addresses, and building
    one costs about as much as rendering a short paragraph.
    """
    key = (endpoint, request.script_root, tuple(sorted(values.items())))
    cache = URLS.get()
    address = cache.get(key)
    if address is None:
        address = url_for(endpoint, **values)
        if len(cache) < MAX_URLS:
            cache[key] = address
    return address


def locale_fragment(name: str, variant: str = "") -> Markup:
    """``templates/fragments/<name>.html`` rendered once per locale (and ``variant``, which the
    fragment sees as ``variant``), then reused.

    Performance (docs/performance.md): the header bar, the menu and the footer (help panel,
    crisis lines) are about a third of a page's rendering and depend only on the locale, the
    host's settings and which menu entry is current; they are rendered once instead of on
    every personal page.
    """
    cache = FRAGMENTS.get()
    key = (name, current_locale(), request.script_root, variant)
    html = cache.get(key)
    if html is None:
        html = Markup(render_template(f"fragments/{name}.html", variant=variant))  # noqa: S704
        cache[key] = html
    return html


def _globals() -> dict[str, Any]:
    lang = current_locale()
    config = settings()
    return {"lang": lang, "settings": config, "site": config.site_text(lang)}


def init_app(app: Flask) -> None:
    app.context_processor(_globals)
    app.jinja_env.globals.update(
        switch_url=switch_url,
        asset_url=lambda kind: cached_url_for("root.asset", name=assets.file_name(kind)),
        locale_fragment=locale_fragment,
        # Templates write url_for(...) as Flask's own; what they call is cached_url_for.
        url_for=cached_url_for,
    )
    assets.init_app(app)
    if SETTINGS.of(app).environment != "test":  # ~0.15 s per app in tests
        _compile_templates(app)


def _compile_templates(app: Flask) -> None:
    """Performance: compile every template once at start-up, before gunicorn forks.

    Otherwise each worker compiles step.html and what it includes on its first step page
    (~40 ms), again after every recycling (max_requests), and those first requests were the
    slowest 1% under load (docs/performance.md). Runs after every package's init_app, whose
    extensions and globals the templates need.
    """
    for name in app.jinja_env.list_templates():
        app.jinja_env.get_template(name)
