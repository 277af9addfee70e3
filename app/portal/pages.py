"""The public pages: home, module list, module overview, module done, help, and the standalone
pages (safety, privacy, and family: for someone a person close to them has told)."""

from __future__ import annotations

from flask import abort, render_template, request
from flask.typing import ResponseReturnValue

from ..curriculum import catalog
from ..helpdesk import help_directory
from ..i18n import current_locale
from ..insight.counting import count
from ..insight.outcomes import QUESTIONS
from ..page_cache import public_page
from ..workbook.current import current_answers
from . import bp


@bp.get("/")
def home() -> ResponseReturnValue:
    modules = catalog().modules(current_locale())
    return public_page(
        lambda: render_template("home.html", first=modules[0] if modules else None, modules=modules)
    )


@bp.get("/modules/")
def module_list() -> ResponseReturnValue:
    modules = catalog().modules(current_locale())
    return public_page(lambda: render_template("modules.html", modules=modules))


@bp.get("/modules/<slug>/")
def module_overview(slug: str) -> ResponseReturnValue:
    module = catalog().module(current_locale(), slug) or abort(404)
    return public_page(
        lambda: render_template("module.html", module=module, answers=current_answers())
    )


@bp.get("/modules/<slug>/print")
def module_print(slug: str) -> ResponseReturnValue:
    """The whole module on one page, for paper. The same for every reader: no cookie, no answers."""
    module = catalog().module(current_locale(), slug) or abort(404)
    countries = help_directory().for_locale(current_locale())
    return public_page(lambda: render_template("print.html", module=module, countries=countries))


@bp.get("/modules/<slug>/done")
def module_done(slug: str) -> ResponseReturnValue:
    module = catalog().module(current_locale(), slug) or abort(404)
    _, next_module = catalog().neighbours(current_locale(), module)
    count("module_completed", slug)
    return render_template(
        "done.html", module=module, next_module=next_module, outcome_questions=QUESTIONS
    )


@bp.get("/help")
def help_page() -> ResponseReturnValue:
    directory, lang = help_directory(), current_locale()
    codes = directory.codes(lang)
    country = request.args.get("country", "")
    unknown = bool(country) and country not in codes
    count("help_viewed")
    countries = directory.for_locale(lang, None if unknown or not country else country)
    return public_page(
        lambda: render_template(
            "help.html",
            countries=countries,
            codes=codes,
            country=country,
            unknown=unknown,
            all_countries=directory.for_locale(lang),
        )
    )


@bp.get("/<any(privacy, safety, family):name>")
def page(name: str) -> ResponseReturnValue:
    found = catalog().page(current_locale(), name) or abort(404)
    return public_page(lambda: render_template("page.html", page=found))
