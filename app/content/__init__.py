"""The content engine: Markdown modules and help directories, loaded once into a catalogue."""

from .loader import check_tree, load_catalog
from .model import Catalog, Exercise, Module, Prose, Step
from .problems import ContentError, Problem

__all__ = [
    "Catalog", "ContentError", "Exercise", "Module", "Problem", "Prose", "Step",
    "check_tree", "load_catalog",
]  # fmt: skip
