"""Locales: the URL carries the locale; ``/`` negotiates it from Accept-Language, no cookie."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from functools import cache
from typing import Any

from babel import Locale
from babel.dates import format_skeleton
from babel.support import Translations
from flask import Flask, abort, current_app, g, request
from flask_babel import Babel
from werkzeug.datastructures import LanguageAccept
from werkzeug.http import parse_accept_header

from .context import SETTINGS, settings

babel = Babel()

# Names of languages in their own language, for the language menu.
LANGUAGE_NAMES = {"es": "Español", "en": "English", "fr": "Français", "pt": "Português",
                  "ca": "Català", "de": "Deutsch", "it": "Italiano"}  # fmt: skip
RIGHT_TO_LEFT = {"ar", "fa", "he", "ur"}


def negotiate_locale(header: str | None, available: tuple[str, ...], default: str) -> str:
    """The best of ``available`` for an Accept-Language header; ``default`` if none fits."""
    try:
        accepted = parse_accept_header(header or "", LanguageAccept)
        return accepted.best_match(available, default=default) or default
    except (ValueError, TypeError):
        return default


def current_locale() -> str:
    """The URL's locale; for a page outside any route (a 404, a 405), its first path segment;
    otherwise the best match for Accept-Language."""
    lang = g.get("lang")
    if lang:
        return lang
    config = settings()
    first = request.path.lstrip("/").split("/", 1)[0]
    if first in config.locales:
        return first
    return negotiate_locale(
        request.headers.get("Accept-Language"), config.locales, config.default_locale
    )


@cache
def _parsed(code: str) -> Locale:
    return Locale.parse(code)


def babel_locale() -> Locale:
    """The request's locale as Flask-Babel wants it, parsed once per process.

    Performance (docs/performance.md): Flask-Babel parses what its selector returns on every
    request (a look for the locale's data file on disk included) unless it is a Locale already.
    """
    return _parsed(current_locale())


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


def month_year(value: str) -> str:
    """A ``YYYY-MM`` month in the page's language ("November 2026", "noviembre de 2026")."""
    found = re.fullmatch(r"([0-9]{4})-([0-9]{2})", value)
    if not found or not 1 <= int(found[2]) <= 12:
        return value
    return format_skeleton("yMMMM", date(int(found[1]), int(found[2]), 1), locale=current_locale())


def text_direction(code: str) -> str:
    return "rtl" if code.split("_")[0] in RIGHT_TO_LEFT else "ltr"


def _pull_lang(endpoint: str | None, values: dict[str, Any] | None) -> None:
    if values and "lang" in values:
        lang = values.pop("lang")
        if lang not in settings().locales:
            abort(404)
        g.lang = lang


def _push_lang(endpoint: str, values: dict[str, Any]) -> None:
    expects_lang = current_app.url_map.is_endpoint_expecting(endpoint, "lang")
    if "lang" not in values and g.get("lang") and expects_lang:
        values["lang"] = g.lang


def _template_translations(app: Flask) -> Callable[[], Translations]:
    """The catalogue of the request's locale, looked up once per locale per process.

    Performance (docs/performance.md): Flask-Babel's own template callables find the domain,
    the locale and the catalogue again on every ``_()``, about 30 times per page; catalogues
    never change while the app runs, so templates use these per-locale objects instead.
    """
    folders = [str(path) for path in SETTINGS.of(app).translations_dir]
    loaded: dict[str, Translations] = {}

    def translations() -> Translations:
        locale = current_locale()
        found = loaded.get(locale)
        if found is None:
            found = Translations()  # merged from every folder, as Flask-Babel does
            for folder in folders:
                catalogue = Translations.load(folder, [locale], "messages")
                if isinstance(catalogue, Translations):
                    found.merge(catalogue)
            loaded[locale] = found
        return found

    return translations


def init_app(app: Flask) -> None:
    config = SETTINGS.of(app)
    app.config["BABEL_DEFAULT_LOCALE"] = config.default_locale
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = ";".join(str(p) for p in config.translations_dir)
    babel.init_app(app, locale_selector=babel_locale)
    app.url_value_preprocessor(_pull_lang)
    app.url_defaults(_push_lang)
    app.jinja_env.globals.update(
        language_name=language_name, text_direction=text_direction, month_year=month_year
    )
    translations = _template_translations(app)
    app.jinja_env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=lambda message: translations().ugettext(message),
        ngettext=lambda one, many, n: translations().ungettext(one, many, n),
        newstyle=True,
    )
