"""Thin views: look up the catalogue, render a template."""

from __future__ import annotations

from flask import (
    abort,
    current_app,
    g,
    redirect,
    render_template,
    request,
    send_from_directory,
    url_for,
)

from .. import assets
from ..context import catalog, help_directory, settings
from ..i18n import negotiate_locale
from ..insight.counting import count
from ..insight.outcomes import QUESTIONS
from . import bp, root_bp
from .page_cache import public_page


@root_bp.get("/")
def choose_locale():
    config = settings()
    lang = negotiate_locale(
        request.headers.get("Accept-Language"), config.locales, config.default_locale
    )
    response = redirect(url_for("portal.home", lang=lang), code=302)
    response.headers["Vary"] = "Accept-Language"
    return response


@root_bp.get("/favicon.ico")
def favicon():
    """Browsers ask for it on every first visit: answer with nothing rather than a 404 page."""
    response = current_app.response_class(status=204)
    response.headers["Cache-Control"] = "public, max-age=31536000"
    return response


@root_bp.get("/healthz")
def health():
    from ..health import report

    body, healthy = report()
    return body, 200 if healthy else 503


@bp.get("/")
def home():
    modules = catalog().modules(g.lang)
    return public_page(
        lambda: render_template("home.html", first=modules[0] if modules else None, modules=modules)
    )


@bp.get("/modules/")
def module_list():
    return public_page(lambda: render_template("modules.html", modules=catalog().modules(g.lang)))


@bp.get("/modules/<slug>/")
def module_overview(slug: str):
    module = catalog().module(g.lang, slug) or abort(404)
    return public_page(lambda: render_template("module.html", module=module, answers=_answers()))


@bp.get("/modules/<slug>/<step_id>")
def step(slug: str, step_id: str):
    # Performance: a reader without a cookie gets the page rendered for the first such reader
    # (page_cache.py); a visitor with a workbook gets it rendered for them, every time.
    page = public_page(lambda: render_step(slug, step_id)[0])
    count("step_viewed", slug, step_id)
    return page


def render_step(slug: str, step_id: str, errors=None, submitted=None, status: int = 200):
    found = catalog().step(g.lang, slug, step_id) or abort(404)
    module, current = found
    index = current.number - 1
    previous = module.steps[index - 1] if index > 0 else None
    following = module.steps[index + 1] if index + 1 < len(module.steps) else None
    _, next_module = catalog().neighbours(g.lang, module)
    page = render_template(
        "step.html", module=module, step=current, previous=previous, following=following,
        next_module=next_module, answers=_answers(), errors=errors or {}, submitted=submitted or {},
    )  # fmt: skip
    return page, status


def _answers():
    """The visitor's answers for templates, or an empty mapping when they have no workbook."""
    from ..workbook.current import current_answers

    return current_answers()


@bp.get("/modules/<slug>/done")
def module_done(slug: str):
    module = catalog().module(g.lang, slug) or abort(404)
    _, next_module = catalog().neighbours(g.lang, module)
    count("module_completed", slug)
    return render_template(
        "done.html", module=module, next_module=next_module, outcome_questions=QUESTIONS
    )


@bp.get("/help")
def help_page():
    directory = help_directory()
    codes = directory.codes(g.lang)
    country = request.args.get("country", "")
    unknown = bool(country) and country not in codes
    count("help_viewed")
    countries = directory.for_locale(g.lang, None if unknown or not country else country)
    return public_page(lambda: render_template(
        "help.html", countries=countries, codes=codes, country=country, unknown=unknown,
        all_countries=directory.for_locale(g.lang),
    ))  # fmt: skip


@bp.get("/<any(privacy, safety):name>")
def page(name: str):
    found = catalog().page(g.lang, name) or abort(404)
    return public_page(lambda: render_template("page.html", page=found))


@root_bp.get("/brand/<name>")
def brand(name: str):
    logo = settings().theme.logo
    if not logo or name != logo:
        abort(404)
    return send_from_directory(settings().instance_dir, logo, max_age=86400)


@root_bp.get("/assets/<name>")
def asset(name: str):
    return assets.serve(name)
