"""Neutral addresses: a module is ``/<lang>/m/<number>/``, a step ``/<lang>/m/<number>/<step>``.

Addresses reach browser history, synced history and address-bar suggestions, so they name no
topic (docs/privacy.md). Views and templates still speak of a module's slug and a step's id:
building an address turns them into numbers (``url_defaults``), reading one turns the numbers
back (``url_value_preprocessor``). The old descriptive addresses redirect to the new ones, so
bookmarks and pages loaded before an upgrade keep working; answers are stored by slug and id,
unchanged.
"""

from __future__ import annotations

from typing import Any

from flask import abort, g, redirect, request, url_for
from flask.typing import ResponseReturnValue

from ..curriculum import catalog
from ..i18n import current_locale
from . import bp, step

# The endpoints whose addresses carry a module (and, for steps, a step) by number.
NUMBERED = frozenset(
    {"portal.module_overview", "portal.module_print", "portal.module_done", "portal.step",
     "portal.save"}
)  # fmt: skip
OLD_PAGES = {
    "": "portal.module_overview",
    "print": "portal.module_print",
    "done": "portal.module_done",
}


@bp.url_defaults
def _to_numbers(endpoint: str, values: dict[str, Any]) -> None:
    if endpoint not in NUMBERED or "slug" not in values:
        return
    lang = values.get("lang") or g.get("lang") or current_locale()
    module = catalog().module(lang, values["slug"])
    found = module.step(values.get("step_id", "")) if module and "step_id" in values else None
    if module is None or ("step_id" in values and found is None):
        return  # unknown here (content being edited in the preview): building fails, BuildError
    del values["slug"]
    values["module"] = module.order
    if found is not None:
        del values["step_id"]
        values["step"] = found.number


@bp.url_value_preprocessor
def _from_numbers(endpoint: str | None, values: dict[str, Any] | None) -> None:
    """Numbers to slug and id. An unknown number becomes an empty slug or id, which the view
    answers with its own 404 (after the authors' preview has had its say about the content)."""
    if endpoint not in NUMBERED or not values or "module" not in values:
        return
    module = catalog().numbered(current_locale(), values.pop("module"))
    values["slug"] = module.slug if module else ""
    if "step" in values:
        number = values.pop("step")
        known = module is not None and 1 <= number <= len(module.steps)
        values["step_id"] = module.steps[number - 1].id if known and module else ""


@bp.route("/modules/<slug>/", defaults={"rest": ""})
@bp.route("/modules/<slug>/<rest>", methods=["GET", "HEAD", "POST"])
def old_address(slug: str, rest: str) -> ResponseReturnValue:
    """An address from before neutral addresses: reading it redirects (301) to the neutral
    one; a form sent from a page loaded before the upgrade is saved as it would have been,
    and the visitor goes on at neutral addresses."""
    module = catalog().module(current_locale(), slug) or abort(404)
    if rest in OLD_PAGES:
        if request.method == "POST":
            abort(405)
        return redirect(url_for(OLD_PAGES[rest], slug=slug), 301)
    if module.step(rest) is None:
        abort(404)
    if request.method == "POST":
        return step.save(slug, rest)
    return redirect(url_for("portal.step", slug=slug, step_id=rest), 301)
