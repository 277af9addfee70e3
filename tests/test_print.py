"""The printable module: the whole module on one page, for paper, the same for every reader."""

from __future__ import annotations

import html
import re

import pytest

from app.curriculum import CATALOG
from tests.support.visitor import answer


def text_of(response) -> str:
    """The page as a reader sees it: tags removed, entities decoded, spaces collapsed."""
    page = re.sub(r"<[^>]+>", " ", response.get_data(as_text=True))
    return " ".join(html.unescape(page).split())


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_print_page_holds_every_step_and_exercise_in_order(app, client, lang):
    module = CATALOG.of(app).module(lang, "sample")
    response = client.get(f"/{lang}/m/1/print")
    assert response.status_code == 200
    page = text_of(response)
    positions = [page.index(step.title) for step in module.steps]
    assert positions == sorted(positions)
    for step in module.steps:
        for exercise in step.exercises:
            assert exercise.prompt in page, exercise.id


def test_the_shipped_motivation_module_prints_whole(shipped_app):
    module = CATALOG.of(shipped_app).module("en", "motivation")
    page = text_of(shipped_app.test_client().get("/en/m/1/print"))
    for step in module.steps:
        assert step.title in page
    assert len(module.steps) >= 4


def test_exercises_have_room_to_write_and_the_help_lines_come_last(client):
    raw = client.get("/en/m/1/print").get_data(as_text=True)
    assert raw.count('class="write-line"') >= 6  # a reflection's ruled lines, at least
    assert raw.count('class="paper-box"') >= 4  # boxes to tick
    assert raw.count('class="paper-number"') == 11  # 0 to 10, to circle
    page = text_of(client.get("/en/m/1/print"))
    help_at = page.index("Where to find help")
    assert page.index("Judging") < help_at
    assert "024" in page[help_at:]  # a crisis line's number, written out for paper
    assert "Every image records the abuse of a real child." in page  # answers and notes


def test_reading_it_sets_no_cookie_and_shows_no_answers(client):
    response = client.get("/en/m/1/print")
    assert "Set-Cookie" not in response.headers
    answer(client)  # now the visitor has a workbook with an answer
    with_cookie = client.get("/en/m/1/print")
    assert "Set-Cookie" not in with_cookie.headers
    assert "Zebra-marker" not in with_cookie.get_data(as_text=True)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_overview_links_to_it(client, lang):
    page = client.get(f"/{lang}/m/1/").get_data(as_text=True)
    assert f'href="/{lang}/m/1/print"' in page


def test_print_styles_hide_the_site_around_the_module(client):
    page = client.get("/en/m/1/print").get_data(as_text=True)
    style = client.get(re.search(r'href="(/assets/[^"]+)"', page).group(1)).get_data(as_text=True)
    assert "@media print" in style
    assert ".write-line" in style


def test_a_step_cannot_take_the_print_pages_address(content_copy):
    from app.curriculum import check_tree

    path = content_copy / "en" / "01-sample.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("{#thinking}", "{#print}"), encoding="utf-8"
    )
    _, problems = check_tree(content_copy, ("en",))
    assert any("step id 'print' is reserved" in str(p) for p in problems.errors)


def test_every_id_on_a_print_page_is_unique(shipped_app):
    """A step called "help-now" must not take the address of the "Need help now?" panel."""
    client = shipped_app.test_client()
    for lang in ("en", "es"):
        page = client.get(f"/{lang}/m/0/print").get_data(as_text=True)
        ids = re.findall(r'\sid="([^"]+)"', page)
        assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
        assert 'id="step-help-now"' in page
