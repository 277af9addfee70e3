"""/review/: each module in both languages side by side, only in the preview."""

from __future__ import annotations

import html
import os
import re

import pytest

from app import create_app
from app.db import ENGINE
from tests.support.content import replace

ENGLISH = {"Accept-Language": "en"}  # the review pages' own words follow the browser


def shown(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def sides(page: str) -> list[str]:
    return re.findall(r'<div class="review-side" lang="(\w+)">', page)


def test_a_module_shows_every_step_in_both_languages_with_its_exercises(preview):
    response = preview.get("/review/sample", headers=ENGLISH)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    page = shown(response)
    # the introduction (where key points open a module) and three steps, each in two languages
    assert sides(page) == ["es", "en"] * 4
    assert 'id="intro"' in page
    assert "An introduction with a" in page
    for step_id in ("thinking", "choosing", "judging"):
        assert f'id="step-{step_id}"' in page
    assert "Thinking" in page
    assert "Pensar" in page
    # Definitions: type, plan section, counted or not, options as written.
    assert "<code>checklist</code>" in page
    assert "<code>warning-signs</code>" in page
    assert "Yes: answers add to the anonymous weekly counts" in page
    assert "<li>Loneliness</li>" in page
    assert "flag" not in re.sub(r'class="readability[^"]*"', "", page).replace("flags", "")


def test_differences_between_the_languages_are_flagged(preview, content_copy):
    replace(content_copy / "es" / "01-sample.md", "  - Stress\n", "  - Stress\n  - Otra cosa\n")
    page = shown(preview.get("/review/sample", headers=ENGLISH))
    assert "number of options differs (es: 3, en: 2)" in page
    assert 'class="review-step flagged" id="step-choosing"' in page
    # The visitors' pages meanwhile show the problem with its line.
    assert "es/01-sample.md:" in shown(preview.get("/en/"))


def test_a_step_missing_in_one_language_is_flagged(preview, content_copy):
    replace(content_copy / "es" / "01-sample.md", "{#judging}", "{#juzgar}")
    page = shown(preview.get("/review/sample", headers=ENGLISH))
    assert "This step is missing in Español." in page
    assert 'id="step-juzgar"' in page


def test_the_list_shows_each_modules_review_status(preview):
    page = shown(preview.get("/review/", headers=ENGLISH))
    assert page.count('class="review-card"') == 2
    assert "Draft: not yet reviewed" in page
    assert "Reviewed in October 2026 by: clinical psychologist" in page
    assert "Revisado en octubre de 2026 por: psicóloga clínica" in shown(
        preview.get("/review/", headers={"Accept-Language": "es"})
    )
    assert 'href="/review/second"' in page


def test_unknown_module_is_404(preview):
    assert preview.get("/review/nowhere").status_code == 404


def test_review_pages_do_not_exist_outside_the_preview(client):
    assert client.get("/review/").status_code == 404
    assert client.get("/review/sample").status_code == 404


def test_review_pages_are_404_in_the_production_configuration(tmp_path):
    os.environ["RUMBO_INSTANCE_DIR"] = str(tmp_path)
    try:
        app = create_app(
            {
                "environment": "production",
                "secret_key": "k" * 40,
                "database_url": f"sqlite:///{tmp_path}/x.db",
            }
        )
    finally:
        del os.environ["RUMBO_INSTANCE_DIR"]
    client = app.test_client()
    for address in ("/review/", "/review/motivation"):
        response = client.get(address, headers={"Sec-Fetch-Site": "same-origin"})
        assert response.status_code == 404, address
    ENGINE.of(app).dispose()


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_reviewed_module_says_so_on_its_overview(client, lang):
    page = shown(client.get(f"/{lang}/m/2/"))
    assert ("Reviewed in October 2026" if lang == "en" else "Revisado en octubre de 2026") in page
