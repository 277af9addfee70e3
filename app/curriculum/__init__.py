"""The curriculum engine: Markdown modules loaded once into an immutable catalogue."""

from flask import Flask

from ..authoring import ContentError, Problem
from ..context import Slot
from .exercises import Exercise
from .loader import check_tree, draft_tree, load_catalog
from .model import Catalog, Module, Prose, Step

CATALOG: Slot[Catalog] = Slot("catalog")

__all__ = [
    "CATALOG", "Catalog", "ContentError", "Exercise", "Module", "Problem", "Prose", "Step",
    "catalog", "check_tree", "draft_tree", "init_app", "load_catalog",
]  # fmt: skip


def catalog() -> Catalog:
    """The catalogue of the application handling this request."""
    return CATALOG.get()


def init_app(app: Flask, loaded: Catalog) -> None:
    CATALOG.set(app, loaded)
