"""Security and caching headers, set on every response in this one place."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from flask import Flask, Response, g, request

from ..context import SETTINGS, settings

CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'none'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
])  # fmt: skip
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer", "browsing-topics", "camera", "display-capture", "geolocation",
        "gyroscope", "magnetometer", "microphone", "payment", "usb",
    )
)  # fmt: skip
STATIC_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    # Nothing about our pages reaches other sites; our own forms carry their Origin
    # (privacy/forgery.py). The app logs no Referer (privacy/logs.py).
    "Referrer-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": PERMISSIONS_POLICY,
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}


def mark_personal() -> None:
    """Call from a view whose page shows something of the visitor's own."""
    g.personal = True


def is_personal() -> bool:
    """Whether this response shows something of the visitor's own (and so is never cached)."""
    return bool(g.get("personal")) or bool(request.cookies)


def _relative_location(response: Response) -> None:
    """Werkzeug writes the slash it adds (``/en`` to ``/en/``) as an absolute address built from
    the request's Host header, which anyone can forge (``Location: http://evil.example/en/``).
    Our own redirects are made relative; nginx's catch-all server (deploy/) is a second layer."""
    location = response.headers.get("Location")
    if location:
        parts = urlsplit(location)
        if parts.netloc and parts.netloc == request.host:
            path = "/" + parts.path.lstrip("/")  # never "//host": that would leave the site
            response.headers["Location"] = urlunsplit(("", "", path, parts.query, parts.fragment))


def _add_headers(response: Response) -> Response:
    _relative_location(response)
    response.headers.update(STATIC_HEADERS)
    if settings().https:
        response.headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
    # A page that shows a visitor's answers, or any page asked for with the workbook cookie,
    # must not be kept by the browser or any proxy: someone else may use the device later.
    if is_personal():
        response.headers["Cache-Control"] = "no-store"
    return response


def init_app(app: Flask) -> None:
    app.after_request(_add_headers)
    if SETTINGS.of(app).environment == "development":
        # `make run` uses Werkzeug's server, whose Server header names Werkzeug's and Python's
        # versions. gunicorn, used in production, sends a bare "gunicorn".
        from werkzeug.serving import WSGIRequestHandler

        WSGIRequestHandler.server_version = "rumbo"  # type: ignore[method-assign,assignment]
        WSGIRequestHandler.sys_version = ""
