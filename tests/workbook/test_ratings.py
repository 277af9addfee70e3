"""Each module's before-and-after rating shows on the workbook page as change; an answer about
past offences (private) never does."""

from __future__ import annotations

import re

import pytest

from app.curriculum import CATALOG
from app.db import ENGINE
from tests.content.conftest import LANGS
from tests.support.apps import make_app
from tests.support.content import replace


def ratings_section(page: str) -> str:
    found = re.search(r'<section class="ratings".*?</section>', page, re.S)
    return found.group(0) if found else ""


def rate(client, lang: str, slug: str, step_id: str, exercise: str, value: int) -> None:
    saved = client.post(
        f"/{lang}/modules/{slug}/{step_id}", data={f"{exercise}.answer": str(value), "then": "stay"}
    )
    assert saved.status_code in (200, 303), saved.text


@pytest.mark.parametrize("lang", LANGS)
def test_both_ratings_show_on_the_workbook_page_as_change(shipped_app, lang):
    catalog = CATALOG.of(shipped_app)
    module = catalog.module(lang, "self-regulation")
    before, _ = module.exercise("rating-before")
    after, _ = module.exercise("rating-after")
    client = shipped_app.test_client()
    rate(client, lang, "self-regulation", before.id, "rating-before", 3)
    page = client.get(f"/{lang}/workbook")
    assert "3 → —" in ratings_section(page.text)  # half answered: no change yet
    rate(client, lang, "self-regulation", after.id, "rating-after", 7)
    page = client.get(f"/{lang}/workbook")
    section = ratings_section(page.text)
    assert module.title in section
    assert "3 → 7 (+4)" in section
    assert page.headers["Cache-Control"].startswith("no-store")


def test_every_module_rates_the_same_question_before_and_after_in_both_languages(shipped_app):
    catalog = CATALOG.of(shipped_app)
    for lang in LANGS:
        for module in catalog.modules(lang):
            found = [module.exercise(i) for i in ("rating-before", "rating-after")]
            assert all(found), (lang, module.slug)
            (first_step, before), (last_step, after) = found
            assert (before.type, after.type) == ("scale", "scale")
            assert first_step.id == module.steps[0 if module.order else 1].id, module.slug
            assert last_step.id == module.steps[-1].id, module.slug
            # The same question: only the opening words ("Before you begin" / "Now") differ.
            assert before.prompt.split(":", 1)[1] == after.prompt.split(":", 1)[1], module.slug
            assert (before.private, after.private) == (False, False)


def test_no_private_answer_reaches_the_ratings(sqlite_url, tmp_path, content_copy):
    """A rating marked private (about past offences) stays on its step page only."""
    for lang in LANGS:
        sample = content_copy / lang / "01-sample.md"
        replace(
            sample, "id: ready\ntype: scale\n", "id: rating-after\ntype: scale\nprivate: true\n"
        )
        replace(sample, "id: thoughts\ntype: reflection", "id: rating-before\ntype: scale")
        replace(sample, "plan: reasons\n", "min: 0\nmax: 10\n")
    app = make_app(sqlite_url, tmp_path, content=content_copy)
    try:
        for lang in LANGS:
            client = app.test_client()
            rate(client, lang, "sample", "thinking", "rating-after", 9)
            assert ratings_section(client.get(f"/{lang}/workbook").text) == ""
            rate(client, lang, "sample", "thinking", "rating-before", 2)
            section = ratings_section(client.get(f"/{lang}/workbook").text)
            assert "2 → —" in section
            assert "9" not in section
    finally:
        ENGINE.of(app).dispose()
