"""Accessors for what create_app() attaches to the application, for views and templates."""

from __future__ import annotations

from typing import TYPE_CHECKING

from flask import current_app

if TYPE_CHECKING:
    from .config import Settings
    from .content import Catalog
    from .content.help import HelpDirectory


def settings() -> Settings:
    return current_app.extensions["rumbo.settings"]


def catalog() -> Catalog:
    return current_app.extensions["rumbo.catalog"]


def help_directory() -> HelpDirectory:
    return current_app.extensions["rumbo.help"]
