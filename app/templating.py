"""What every template can use: the site's texts, the locale, the language switch, assets."""

from __future__ import annotations

from typing import Any

from flask import Flask, g, request, url_for

from . import assets
from .context import help_directory, settings
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


def _crisis_lines(lang: str):
    countries = []
    for country in help_directory().for_locale(lang):
        crisis = country.of_kind("crisis")
        if crisis and any(s.phone for s in crisis):
            countries.append(
                type(country)(country.code, country.name, tuple(s for s in crisis if s.phone))
            )
    return countries


def _globals() -> dict[str, Any]:
    lang = g.get("lang") or current_locale()
    config = settings()
    return {
        "lang": lang,
        "settings": config,
        "site": config.site_text(lang),
        "crisis_lines": _crisis_lines(lang),
        "balance_cells": BALANCE_LABELS,
    }


def init_app(app: Flask) -> None:
    app.context_processor(_globals)
    app.jinja_env.globals.update(
        switch_url=switch_url, asset_url=assets.url, answer_lines=answer_lines
    )
    assets.init_app(app)
