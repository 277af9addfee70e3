"""A visitor walks through a module in order, in each language, using only links on the pages."""

from __future__ import annotations

import re

import pytest

HREF = re.compile(r'<a rel="next"[^>]*href="([^"]+)"')
FORM = re.compile(r'<form class="step-form" method="post" action="([^"]+)"')


def forward(client, page: str) -> str:
    """Where the step's forward control leads: its link, or its "Save and continue" button
    pressed with nothing typed (which saves nothing and sets no cookie)."""
    link = HREF.search(page)
    if link:
        return link.group(1)
    response = client.post(FORM.search(page).group(1), data={"then": "next"})
    assert response.status_code == 303
    assert "Set-Cookie" not in response.headers
    return response.headers["Location"]


@pytest.mark.parametrize(("lang", "begin"), [("en", "Begin"), ("es", "Empezar")])
def test_walk_through_a_module_following_next_links(client, lang, begin):
    home = client.get(f"/{lang}/")
    assert home.status_code == 200
    overview_url = re.search(rf'href="(/{lang}/m/[0-9]+/)"', home.text).group(1)
    overview = client.get(overview_url)
    assert overview.status_code == 200
    url = re.search(r'<a class="button" href="([^"]+)">' + begin, overview.text).group(1)
    seen = []
    while "/done" not in url:
        page = client.get(url)
        assert page.status_code == 200, url
        number = len(seen) + 1
        assert re.search(rf"(Step|Paso) {number} (of|de) 3", page.text)
        assert "Quick exit" in page.text or "Salida rápida" in page.text
        assert f'href="/{lang}/modules/"' in page.text  # a way back to the module list
        seen.append(url)
        assert page.text.count('value="next"') + page.text.count('rel="next"') == 1
        url = forward(client, page.text)
    assert seen == [f"/{lang}/m/1/{number}" for number in (1, 2, 3)]  # neutral addresses
    done = client.get(url)
    assert done.status_code == 200
    assert f"/{lang}/m/2/" in done.text
    assert "Set-Cookie" not in done.headers


def test_previous_links_go_back(client):
    page = client.get("/en/m/1/2").text
    assert 'rel="prev" href="/en/m/1/1"' in page


def test_module_list_is_in_order_with_minutes(client):
    page = client.get("/en/modules/").text
    assert page.index("A sample module") < page.index("A second module")
    assert "About 10 minutes" in page
    assert "3 steps" in page


def test_every_exercise_type_is_rendered_in_one_form_per_step(client):
    pages = "".join(client.get(f"/en/m/1/{number}").text for number in (1, 2, 3))
    assert pages.count('method="post"') == 3  # one form per step, whatever its exercises
    for marker in (
        '<textarea id="ex-thoughts-text"',
        'type="radio" name="ready.answer" value="10"',
        'type="checkbox"',
        'id="ex-lapse-1"',
        'value="myth"',
        'name="balance.change-pros"',
        'name="reasons.item"',
    ):
        assert marker in pages


@pytest.mark.parametrize(
    "url",
    [
        "/en/modules/nope/",
        "/en/modules/sample/nope",
        "/es/modules/sample/thinking/extra",
        "/en/nothing",
        "/en/modules/sample/done/x",
        "/xx/modules/",
        "/en/modules/second/done/",
    ],
)
def test_unknown_paths_are_friendly_404s(client, url):
    response = client.get(url, headers={"Accept-Language": "en"})
    assert response.status_code == 404
    assert "Page not found" in response.text or "Página no encontrada" in response.text
    assert "Traceback" not in response.text
    assert "werkzeug" not in response.text.lower()


def test_healthz_reports_content_and_database(client):
    body = client.get("/healthz").get_json()
    assert body == {"status": "ok", "modules": {"es": 2, "en": 2}, "database": "ok"}
