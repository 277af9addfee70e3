"""The public pages: home, module list, module overview, module done, help, and the standalone
pages (safety, privacy, and family: for someone a person close to them has told)."""

from __future__ import annotations

from flask import abort, get_template_attribute, render_template, request
from flask.typing import ResponseReturnValue

from ..curriculum import catalog
from ..helpdesk import help_directory
from ..i18n import current_locale
from ..insight.counting import count
from ..insight.outcomes import QUESTIONS
from ..page_cache import is_public_request, public_page, shared_page, splice
from ..workbook.current import current_answers, open_workbook
from ..workbook.my_position import my_position
from . import bp
from .routing import AFTER, previous_step_feedback


@bp.get("/")
def home() -> ResponseReturnValue:
    modules = catalog().modules(current_locale())
    return public_page(
        lambda: render_template("home.html", first=modules[0] if modules else None, modules=modules)
    )


@bp.get("/modules/")
def module_list() -> ResponseReturnValue:
    # Performance (docs/performance.md): a visitor with a workbook gets the page every reader
    # gets, with only their own parts rendered and put in: their route (the self-check's), where
    # to continue and each module's status.
    modules = catalog().modules(current_locale())
    page = shared_page(lambda: render_template("modules.html", modules=modules))
    if is_public_request():
        return page
    route = render_template("selfcheck/route-on-module-list.html")
    if route.strip():
        page = splice(page, "part:route", route)
    here = my_position()
    if here is None:
        return page
    page = splice(page, "part:progress", render_template("fragments/progress.html"))
    status_tag = get_template_attribute("fragments/status-tag.html", "status_tag")
    for place in here.modules:
        tag = f"<p>{status_tag(place)}</p>"
        page = splice(page, f"part:status-{place.module.order}", tag)
    return page


@bp.get("/m/<int:module>/")
def module_overview(slug: str) -> ResponseReturnValue:
    module = catalog().module(current_locale(), slug) or abort(404)
    return public_page(
        lambda: render_template("module.html", module=module, answers=current_answers())
    )


@bp.get("/m/<int:module>/print")
def module_print(slug: str) -> ResponseReturnValue:
    """The whole module on one page, for paper. The same for every reader: no cookie, no answers."""
    module = catalog().module(current_locale(), slug) or abort(404)
    countries = help_directory().for_locale(current_locale())
    return public_page(lambda: render_template("print.html", module=module, countries=countries))


@bp.get("/m/<int:module>/done")
def module_done(slug: str) -> ResponseReturnValue:
    module = catalog().module(current_locale(), slug) or abort(404)
    _, next_module = catalog().neighbours(current_locale(), module)
    count("module_completed", slug)
    shown = previous_step_feedback(module, current_answers().get(slug, {}))
    workbook = open_workbook()
    return render_template(
        "done.html",
        module=module,
        next_module=next_module,
        outcome_questions=QUESTIONS,
        shown=shown if request.args.get(AFTER) == "1" else [],
        kept=workbook is None or workbook.kept,  # nothing to keep without a workbook
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


@bp.get("/<any(privacy, safety, family, young):name>")
def page(name: str) -> ResponseReturnValue:
    found = catalog().page(current_locale(), name) or abort(404)
    # The page for young people lists the host's crisis lines under its text.
    template = "young.html" if name == "young" else "page.html"
    return public_page(lambda: render_template(template, page=found))


@bp.get("/easy/<any(now, start):name>")
def easy_read(name: str) -> ResponseReturnValue:
    """The easy-read versions of the Right now page and of the first module: short sentences,
    one idea a line, linked from the pages they retell."""
    found = catalog().page(current_locale(), f"easy-{name}") or abort(404)
    return public_page(lambda: render_template("page.html", page=found))
