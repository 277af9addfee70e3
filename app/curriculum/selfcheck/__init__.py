"""The self-check: questions and routing rules that clinicians write per language
(``content/<lang>/self-check.md``), loaded into the catalogue, and the route they give."""

from .compare import compare_self_checks
from .model import EFFECTS, Answers, Condition, Question, Rule, SelfCheck
from .read import FILE_NAME, read_self_check
from .route import Route, Suggestion, route

__all__ = [
    "EFFECTS", "FILE_NAME", "Answers", "Condition", "Question", "Route", "Rule", "SelfCheck",
    "Suggestion", "compare_self_checks", "read_self_check", "route",
]  # fmt: skip
