"""What every template can use: the site's texts, the locale, the language switch, assets."""

from __future__ import annotations

from typing import Any

from flask import Flask, current_app, g, request, url_for

from . import assets
from .content.help import Country, HelpDirectory
from .context import settings
from .i18n import current_locale
from .workbook.summary import BALANCE_LABELS, answer_lines


def switch_url(locale: str) -> str:
    """The same page in another locale; the home page when there is no such page."""
    if request.endpoint and request.url_rule and "lang" in request.url_rule.arguments:
        values = dict(request.view_args or {}, lang=locale)
        if request.method == "GET":
            values.update(request.args.to_dict())
        return url_for(request.endpoint, **values)
    return url_for("portal.home", lang=locale)


def _crisis_lines(directory: HelpDirectory, lang: str) -> tuple[Country, ...]:
    countries = []
    for country in directory.for_locale(lang):
        crisis = country.of_kind("crisis")
        if crisis and any(s.phone for s in crisis):
            countries.append(
                type(country)(country.code, country.name, tuple(s for s in crisis if s.phone))
            )
    return tuple(countries)


def _globals() -> dict[str, Any]:
    lang = g.get("lang") or current_locale()
    config = settings()
    return {
        "lang": lang,
        "settings": config,
        "site": config.site_text(lang),
        "crisis_lines": current_app.extensions["rumbo.crisis_lines"].get(lang, ()),
        "balance_cells": BALANCE_LABELS,
    }


def init_app(app: Flask) -> None:
    # Performance: every page's footer lists the crisis lines of its locale. They come from
    # the help directory, which never changes after start-up: work them out once per locale
    # here instead of filtering the directory on every request (docs/performance.md).
    directory = app.extensions["rumbo.help"]
    app.extensions["rumbo.crisis_lines"] = {
        lang: _crisis_lines(directory, lang) for lang in app.extensions["rumbo.settings"].locales
    }
    app.context_processor(_globals)
    app.jinja_env.globals.update(
        switch_url=switch_url, asset_url=assets.url, answer_lines=answer_lines
    )
    assets.init_app(app)
    if app.extensions["rumbo.settings"].environment != "test":  # ~0.15 s per app in tests
        _compile_templates(app)


def _compile_templates(app: Flask) -> None:
    """Performance: compile every template once at start-up, before gunicorn forks.

    Otherwise each worker compiles step.html and what it includes on its first step page
    (~40 ms), again after every recycling (max_requests), and those first requests were the
    slowest 1% under load (docs/performance.md). Runs after i18n.init_app, whose extension
    the templates' {% trans %} and _() need.
    """
    for name in app.jinja_env.list_templates():
        app.jinja_env.get_template(name)
