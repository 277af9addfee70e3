"""A views module is registered because its package names it, never by a side-effect import:
a module that declares routes but is not named stops the start-up, with its name."""

from __future__ import annotations

import importlib
import sys

import pytest
from flask import Flask

from app.blueprints import ForgottenViews, register_views

PACKAGE = """
from flask import Blueprint
bp = Blueprint("toy", __name__)
"""
VIEWS = """
from . import bp

@bp.get("/{name}")
def {name}():
    return "{name}"
"""


@pytest.fixture
def toy(tmp_path, monkeypatch):
    """A package ``toy`` with a blueprint and two views modules, ``named`` and ``forgotten``."""
    folder = tmp_path / "toy"
    folder.mkdir()
    (folder / "__init__.py").write_text(PACKAGE)
    for name in ("named", "forgotten"):
        (folder / f"{name}.py").write_text(VIEWS.format(name=name))
    (folder / "helpers.py").write_text("ANSWER = 42\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield importlib.import_module("toy")
    for name in [n for n in sys.modules if n == "toy" or n.startswith("toy.")]:
        del sys.modules[name]


def test_a_views_module_that_is_not_named_stops_the_start_up(toy):
    named = importlib.import_module("toy.named")
    with pytest.raises(ForgottenViews, match=r"toy\.forgotten declares routes on 'toy'"):
        register_views(Flask("t"), toy.bp, named)


def test_every_named_views_module_is_served(toy):
    named = importlib.import_module("toy.named")
    forgotten = importlib.import_module("toy.forgotten")
    app = Flask("t")
    register_views(app, toy.bp, named, forgotten)
    assert app.test_client().get("/forgotten").text == "forgotten"


def test_a_named_module_without_routes_is_refused(toy):
    helpers = importlib.import_module("toy.helpers")
    importlib.import_module("toy.named")
    importlib.import_module("toy.forgotten")
    with pytest.raises(ForgottenViews, match=r"toy\.helpers declares no route"):
        register_views(Flask("t"), toy.bp, helpers)


def test_the_portal_names_every_module_that_declares_routes(app):
    modules = {view.__module__ for view in app.view_functions.values()}
    assert {"app.portal.pages", "app.portal.step", "app.portal.root"} <= modules
    assert {"app.workbook.views", "app.insight.views", "app.followup.views"} <= modules
