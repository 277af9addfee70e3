"""Rumbo: an anonymous self-help portal. ``create_app()`` builds the whole application."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Mapping
from typing import Any, NoReturn

from flask import Flask

from . import (
    curriculum,
    db,
    errors,
    followup,
    guided,
    helpdesk,
    i18n,
    insight,
    portal,
    preview,
    privacy,
    rendered,
    selfcheck,
    templating,
    workbook,
)
from .authoring import ContentError
from .backup_cli import backup_cli
from .config import ConfigError, load_settings
from .content_cli import content_cli
from .context import SETTINGS


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
    live = preview.LiveContent(settings) if settings.preview else None
    if live is not None:  # the authors' preview shows content problems in the browser instead
        catalog, directory = live.reading.catalog, live.reading.directory
    else:
        try:
            catalog = curriculum.load_catalog(settings.content_dir, settings.locales)
            directory = helpdesk.load_help(
                settings.content_dir, settings.locales, settings.help_countries
            )
        except ContentError as error:
            problems = error.problems
            _refuse_to_start([*map(str, problems), f"{len(problems)} content error(s)"])
    SETTINGS.set(app, settings)
    app.config.update(
        SECRET_KEY=settings.secret_key,
        TESTING=settings.environment == "test",
        MAX_CONTENT_LENGTH=64 * 1024,
        MAX_FORM_MEMORY_SIZE=64 * 1024,
        MAX_FORM_PARTS=200,
    )
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True

    curriculum.init_app(app, catalog)
    helpdesk.init_app(app, directory)
    privacy.init_app(app)
    i18n.init_app(app)
    try:
        db.init_app(app)
    except ConfigError as error:
        _refuse_to_start([str(error)])
    errors.init_app(app)
    workbook.init_app(app)
    insight.init_app(app)
    rendered.forget(app)  # the per-process caches start empty
    portal.init_app(app)
    followup.init_app(app)
    guided.init_app(app)
    selfcheck.init_app(app)
    if live is not None:
        preview.init_app(app, live)
    templating.init_app(app)  # last: it compiles every template, which need the globals above
    app.cli.add_command(content_cli)
    app.cli.add_command(backup_cli)
    return app


def _refuse_to_start(lines: Iterable[str]) -> NoReturn:
    for line in lines:
        print(line, file=sys.stderr)
    print("Rumbo did not start: fix the problems above.", file=sys.stderr)
    raise SystemExit(1)
