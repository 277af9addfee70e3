"""A package's blueprint registered together with the modules that declare its routes, by name.

A views module adds its routes to its package's blueprint when it is imported (``@bp.get``).
Imported only for that side effect, a forgotten one would leave its pages silently missing. So
each package names its views modules here; once the blueprint is registered, every other module
of the package is imported too, and one that still declares a route then stops the start-up
with its name (Flask refuses routes added to a blueprint already registered).
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from types import ModuleType

from flask import Blueprint, Flask


class ForgottenViews(RuntimeError):
    """A module declares routes on a blueprint but its package does not name it."""


def register_views(app: Flask, bp: Blueprint, *views: ModuleType) -> None:
    app.register_blueprint(bp)
    serving = {
        view.__module__
        for endpoint, view in app.view_functions.items()
        if endpoint.startswith(f"{bp.name}.")
    }
    for module in views:
        if module.__name__ not in serving:
            raise ForgottenViews(f"{module.__name__} declares no route on {bp.name!r}")
    for name in _modules_beside(bp):
        try:
            importlib.import_module(name)
        except AssertionError as error:  # Flask: a route added after the registration
            raise ForgottenViews(
                f"{name} declares routes on {bp.name!r} but is not named to register_views:"
                " its pages would not exist"
            ) from error


def _modules_beside(bp: Blueprint) -> list[str]:
    """Every module of the package the blueprint was declared in."""
    declared = sys.modules[bp.import_name]
    package = declared if hasattr(declared, "__path__") else sys.modules[declared.__package__ or ""]
    return [found.name for found in pkgutil.iter_modules(package.__path__, f"{package.__name__}.")]
