"""Error pages in the visitor's language: no stack trace, no file path, no framework banner."""

from __future__ import annotations

import sys

from flask import Flask, current_app, g, render_template
from flask.typing import ResponseReturnValue
from flask_babel import lazy_gettext as _l
from gunicorn.http.errors import ParseException  # type: ignore[import-untyped]
from werkzeug.exceptions import BadRequest, HTTPException, InternalServerError

from .i18n import current_locale

MESSAGES = {
    401: (_l("Sign-in needed"), _l("This page is only for the people who run this site.")),
    400: (_l("That request could not be understood"), _l("Something in the form or the address was not valid. Go back and try again.")),
    403: (_l("That was refused"), _l("The form was sent from another site, or from a page that is too old. Reload the page and try again.")),
    404: (_l("Page not found"), _l("There is no page at this address. It may have moved, or the address may be mistyped.")),
    405: (_l("That cannot be done here"), _l("This page cannot be used that way. Go back and use the links and buttons on the page.")),
    413: (_l("That was too long"), _l("What you sent is longer than this portal accepts. Shorten it and try again.")),
    429: (_l("Too many attempts"), _l("There were too many attempts in a short time. Please wait a few minutes and try again.")),
    500: (_l("Something went wrong on our side"), _l("The portal could not show this page. Nothing you wrote was sent anywhere. Please try again later.")),
    503: (_l("The portal is busy"), _l("Please try again in a few minutes.")),
}  # fmt: skip


# Both languages, no template, no lookup: the page shown if rendering an error page fails.
FALLBACK_PAGE = (
    '<!doctype html><html lang="es"><meta charset="utf-8"><title>Rumbo</title>'
    "<h1>Algo ha fallado · Something went wrong</h1>"
    '<p><a href="/">Volver al inicio · Back to the start</a></p></html>'
)


def render_error(error: HTTPException) -> ResponseReturnValue:
    code = error.code or 500
    try:
        g.setdefault("lang", current_locale())
        title, text = MESSAGES.get(code, MESSAGES[500 if code >= 500 else 400])
        response = render_template("error.html", code=code, title=title, text=text)
    except Exception:
        # 500 page, without our headers and quoting the request, reach the visitor)
        current_app.log_exception(sys.exc_info())
        return FALLBACK_PAGE, code, {"Content-Type": "text/html; charset=utf-8"}
    # Keep what the error says about how to proceed: Allow (405), WWW-Authenticate (401).
    kept = [h for h in error.get_headers() if h[0].lower() in ("allow", "www-authenticate")]
    return response, code, kept


def _unexpected(error: Exception) -> ResponseReturnValue:
    current_app.log_exception(sys.exc_info())
    return render_error(InternalServerError())


def _unreadable_body(error: Exception) -> ResponseReturnValue:
    """A body gunicorn cannot parse (a malformed chunked body) is the sender's error: 400, and
    nothing logged (what it sent is theirs). gunicorn raises it only as the app reads the body,
    so without this it would reach ``_unexpected`` as a 500 with a traceback. (A body cut off
    early is gunicorn's NoMoreData, an OSError, which Werkzeug already turns into a 400.)"""
    return render_error(BadRequest())


def init_app(app: Flask) -> None:
    app.register_error_handler(HTTPException, render_error)
    app.register_error_handler(ParseException, _unreadable_body)
    app.register_error_handler(Exception, _unexpected)
