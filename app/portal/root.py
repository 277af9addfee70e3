"""Addresses outside any locale: the language choice, health, the favicon, brand and assets."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, redirect, request, send_from_directory, url_for
from flask.typing import ResponseReturnValue

from .. import assets
from ..context import settings
from ..health import report
from ..i18n import negotiate_locale

root_bp = Blueprint("root", __name__)


@root_bp.get("/")
def choose_locale() -> ResponseReturnValue:
    config = settings()
    lang = negotiate_locale(
        request.headers.get("Accept-Language"), config.locales, config.default_locale
    )
    response = redirect(url_for("portal.home", lang=lang), code=302)
    response.headers["Vary"] = "Accept-Language"
    return response


@root_bp.get("/favicon.ico")
def favicon() -> ResponseReturnValue:
    """Browsers ask for it on every first visit: answer with nothing rather than a 404 page."""
    response = current_app.response_class(status=204)
    response.headers["Cache-Control"] = "public, max-age=31536000"
    return response


@root_bp.get("/healthz")
def health() -> ResponseReturnValue:
    body, healthy = report()
    return body, 200 if healthy else 503


@root_bp.get("/brand/<name>")
def brand(name: str) -> ResponseReturnValue:
    logo = settings().theme.logo
    if not logo or name != logo:
        abort(404)
    return send_from_directory(settings().instance_dir, logo, max_age=86400)


@root_bp.get("/assets/<name>")
def asset(name: str) -> ResponseReturnValue:
    return assets.serve(name)
