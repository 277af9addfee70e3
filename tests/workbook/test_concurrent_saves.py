"""Saves of one workbook never overwrite each other: two tabs, a double click, many at once."""

from __future__ import annotations

import threading

import pytest

from app.curriculum import CATALOG
from app.workbook import store
from tests.support.apps import SHIPPED_CONTENT
from tests.support.visitor import workbook_cookie

SAVES = 20


@pytest.fixture
def shipped(app_factory, database_url, tmp_path):
    return app_factory(database_url, tmp_path, content=SHIPPED_CONTENT)


def free_text_exercises(app, count: int) -> list[tuple[str, str, str]]:
    """(module, step, exercise) of the first ``count`` reflections in the curriculum."""
    found = []
    for module in CATALOG.of(app).modules("en"):
        for step in module.steps:
            found += [
                (module.slug, step.id, e.id) for e in step.exercises if e.type == "reflection"
            ]
    assert len(found) >= count
    return found[:count]


def workbook_text(client) -> str:
    return client.get("/en/workbook/workbook.md").text


def test_twenty_saves_at_once_with_one_cookie_keep_all_twenty(shipped):
    first = shipped.test_client()
    targets = free_text_exercises(shipped, SAVES + 1)
    module, step, exercise = targets[0]
    opened = first.post(f"/en/modules/{module}/{step}", data={f"{exercise}.answer": "first"})
    assert opened.status_code == 303
    cookie = workbook_cookie(first)
    start = threading.Barrier(SAVES)
    statuses: list[int] = []

    def save(target: tuple[str, str, str]) -> None:
        module, step, exercise = target
        client = shipped.test_client()
        client.set_cookie(cookie.key, cookie.value)
        start.wait()
        response = client.post(
            f"/en/modules/{module}/{step}", data={f"{exercise}.answer": f"answer to {exercise}"}
        )
        statuses.append(response.status_code)

    threads = [threading.Thread(target=save, args=(target,)) for target in targets[1:]]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert statuses == [303] * SAVES
    text = workbook_text(first)
    assert "first" in text
    missing = [e for _, _, e in targets[1:] if f"answer to {e}" not in text]
    assert missing == []


def test_an_older_page_does_not_undo_what_another_tab_saved(shipped):
    one = shipped.test_client()
    step = "/en/m/1/2"
    assert one.post(step, data={"importance.answer": "3"}).status_code == 303
    two = shipped.test_client()
    two.set_cookie(workbook_cookie(one).key, workbook_cookie(one).value)
    old_page = one.get(step).text  # tab one shows importance 3
    shown = old_page.split('name="importance.shown" value="')[1].split('"')[0]
    assert two.post(step, data={"importance.answer": "9"}).status_code == 303  # tab two: 9
    # Tab one, still showing 3, now writes a reason and sends its unchanged ruler along.
    back = one.post(
        step,
        data={
            "importance.answer": "3",
            "importance.shown": shown,
            "rulers-why.answer": "a reason",
        },
    )
    assert back.status_code == 303
    text = workbook_text(one)
    assert "9 on a scale from 0 to 10" in text
    assert "a reason" in text


def test_a_save_that_cannot_get_its_turn_is_503_with_every_text_kept(shipped, monkeypatch):
    client = shipped.test_client()
    step = "/es/m/1/2"
    assert client.post(step, data={"importance.answer": "5"}).status_code == 303
    monkeypatch.setattr(store, "_swap", lambda *args: False)  # always beaten to it
    monkeypatch.setattr(store, "BACKOFF_SECONDS", 0.0)
    page = client.post(
        step, data={"rulers-why.answer": "mi razón escrita", "confidence.answer": "4"}
    )
    assert page.status_code == 503
    assert "No se han podido guardar tus respuestas" in page.text
    assert "mi razón escrita</textarea>" in page.text
    assert 'value="4" checked' in page.text
