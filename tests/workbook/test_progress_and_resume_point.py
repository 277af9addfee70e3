"""Each module's status (not started, in progress, done) on the module list and the workbook
page, "Continue where you left off" on the home page, the module list and the workbook page,
and a module's start button that says "Continue" halfway (issue 23, item 10)."""

from __future__ import annotations

import re

from tests.support.visitor import answer, keep


def statuses(page: str) -> list[str]:
    return re.findall(r'<span class="status status-([a-z-]+)">', page)


def continue_link(page: str) -> str | None:
    found = re.search(
        r'<p class="continue no-print"><a class="button" href="([^"]+)">Continue where you left off',
        page,
    )
    return found.group(1) if found else None


def test_the_first_answer_puts_the_module_in_progress_and_the_next_step_first(client):
    answer(client)  # module 1, step 1 of 3
    listing = client.get("/en/modules/").text
    assert statuses(listing) == ["in-progress", "not-started"]
    for page in ("/en/", "/en/modules/", "/en/workbook"):
        assert continue_link(client.get(page).text) == "/en/m/1/2", page
    overview = client.get("/en/m/1/").text
    assert re.search(r'<a class="button" href="/en/m/1/2">Continue</a>', overview)
    assert ">Begin</a>" not in overview
    assert "Begin</a>" in client.get("/en/m/2/").text


def test_reaching_the_last_step_makes_a_module_done_and_points_at_the_next(client):
    answer(client)
    answer(client, step="judging", exercise="looking", answer="myth")
    workbook = client.get("/en/workbook").text
    assert statuses(workbook) == ["done", "not-started"]
    assert continue_link(workbook) == "/en/m/2/1"
    assert "Begin</a>" in client.get("/en/m/1/").text  # done: read it again from the start


def test_everything_done_offers_no_continue(client):
    answer(client, step="judging", exercise="looking", answer="myth")
    client.post("/en/m/2/1", data={"note.answer": "x", "then": "stay"})
    page = client.get("/en/modules/").text
    assert statuses(page) == ["done", "done"]
    assert continue_link(page) is None


def test_resuming_on_another_device_shows_where_to_continue(app):
    first = app.test_client()
    answer(first)
    passphrase = keep(first)
    second = app.test_client()
    resumed = second.post("/en/resume", data={"passphrase": passphrase}, follow_redirects=True)
    assert continue_link(resumed.text) == "/en/m/1/2"
    assert statuses(resumed.text) == ["in-progress", "not-started"]


def test_spanish_says_it_in_spanish(client):
    answer(client, lang="es")
    page = client.get("/es/modules/").text
    assert "Continuar donde lo dejaste" in page
    assert "En curso" in page
    assert "Sin empezar" in page


def test_a_reader_without_a_workbook_sees_no_status(client):
    for page in ("/en/", "/en/modules/", "/en/workbook", "/en/m/1/"):
        text = client.get(page).text
        assert not statuses(text), page
        assert continue_link(text) is None, page
