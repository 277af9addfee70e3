"""The privacy rules that apply to every request, each in one module of this package."""

from __future__ import annotations

from flask import Flask

from . import compression, forgery, headers, logs, no_session


def init_app(app: Flask) -> None:
    logs.init_app(app)
    compression.init_app(app)
    headers.init_app(app)
    forgery.init_app(app)
    no_session.init_app(app)
