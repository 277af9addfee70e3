"""Rumbo: an anonymous self-help portal. ``create_app()`` builds the whole application."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Mapping
from typing import Any, NoReturn

from flask import Flask

from .config import ConfigError, load_settings
from .content import ContentError, load_catalog
from .content.help import load_help
from .content.render_cache import RenderCache


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app from the environment, the host's file and ``config`` overrides.

    Refuses to start, with one line per problem and no traceback, when the configuration
    or the content is wrong: a half-configured portal must never reach visitors.
    """
    app = Flask(__name__)
    try:
        settings = load_settings(os.environ, overrides=config)
    except ConfigError as error:
        _refuse_to_start([str(error)])
    try:
        cache = RenderCache(settings.instance_dir / "render-cache.json", settings.secret_key)
        catalog = load_catalog(settings.content_dir, settings.locales, cache)
        cache.save()
        help_directory = load_help(settings.content_dir, settings.locales, settings.help_countries)
    except ContentError as error:
        _refuse_to_start([*map(str, error.problems), f"{len(error.problems)} content error(s)"])
    app.extensions.update({
        "rumbo.settings": settings, "rumbo.catalog": catalog, "rumbo.help": help_directory,
    })  # fmt: skip
    app.config.update(
        SECRET_KEY=settings.secret_key,
        TESTING=settings.environment == "test",
        MAX_CONTENT_LENGTH=64 * 1024,
        MAX_FORM_MEMORY_SIZE=64 * 1024,
        MAX_FORM_PARTS=200,
    )
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True

    from . import db, errors, i18n, insight, privacy, templating, workbook
    from .content.cli import content_cli
    from .portal import bp as portal_bp
    from .portal import root_bp

    privacy.init_app(app)
    i18n.init_app(app)
    templating.init_app(app)
    db.init_app(app)
    errors.init_app(app)
    app.register_blueprint(root_bp)
    app.register_blueprint(portal_bp)
    workbook.init_app(app)
    insight.init_app(app)
    app.cli.add_command(content_cli)
    return app


def _refuse_to_start(lines: Iterable[str]) -> NoReturn:
    for line in lines:
        print(line, file=sys.stderr)
    print("Rumbo did not start: fix the problems above.", file=sys.stderr)
    raise SystemExit(1)
