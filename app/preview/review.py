"""The review pages of the preview: every module with its review status, and one module with
its locales side by side (``/review/``, ``/review/<slug>``). Not in production: the blueprint
is only registered by the preview."""

from __future__ import annotations

from flask import Blueprint, abort, render_template
from flask.typing import ResponseReturnValue

from ..authoring import Problem, shown_path
from ..curriculum import Module
from .compare import definition, review_module, slugs
from .live import LIVE
from .self_check import self_check_pairs

review_bp = Blueprint("review", __name__, url_prefix="/review")
NO_STORE = {"Cache-Control": "no-store"}  # always the files as they are now


def _problems_of(modules: list[Module | None]) -> list[Problem]:
    """The reading's problems in this module's files."""
    reading = LIVE.get().reading
    paths = {shown_path(m.path) for m in modules if m is not None}
    return [p for p in (*reading.errors, *reading.warnings) if p.path in paths]


@review_bp.get("/")
def index() -> ResponseReturnValue:
    reading = LIVE.get().reading
    reviews = [review_module(reading.draft, slug) for slug in slugs(reading.draft)]
    rows = [
        (review, _problems_of(list(review.by_locale.values())))
        for review in reviews
        if review is not None
    ]
    return render_template("preview/index.html", reading=reading, rows=rows), 200, NO_STORE


@review_bp.get("/self-check/")
def self_check() -> ResponseReturnValue:
    """The self-check's questions and rules in every locale side by side (docs/authoring.md)."""
    reading = LIVE.get().reading
    checks = {locale: content.self_check for locale, content in reading.draft.locales.items()}
    if not any(checks.values()):
        abort(404)
    paths = {shown_path(check.path) for check in checks.values() if check is not None}
    problems = [p for p in (*reading.errors, *reading.warnings) if p.path in paths]
    page = render_template(
        "preview/self-check.html", checks=checks, pairs=self_check_pairs(checks), problems=problems
    )
    return page, 200, NO_STORE


@review_bp.get("/<slug>")
def module(slug: str) -> ResponseReturnValue:
    reading = LIVE.get().reading
    review = review_module(reading.draft, slug) or abort(404)
    problems = _problems_of(list(review.by_locale.values()))
    page = render_template(
        "preview/module.html",
        reading=reading,
        review=review,
        problems=problems,
        definition=definition,
    )
    return page, 200, NO_STORE
