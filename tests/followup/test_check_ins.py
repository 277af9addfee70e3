"""Check-ins: appended to the encrypted workbook, dated by ISO week only, charted, deletable."""

from __future__ import annotations

import re
import threading
from datetime import date

import pytest

from app.curriculum import CATALOG
from tests.support.apps import SHIPPED_CONTENT
from tests.support.pages import read_as_a_public_page
from tests.support.visitor import (
    MARKER,
    check_in,
    dump_database,
    workbook_cookie,
    workbook_plaintext,
)

WEEK = "{}-W{:02d}".format(*date.today().isocalendar()[:2])
A_DAY = re.compile(rb"\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}|\d{8}T\d{4}")


@pytest.fixture
def shipped(app_factory, sqlite_url, tmp_path):
    return app_factory(sqlite_url, tmp_path, content=SHIPPED_CONTENT)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_reading_the_check_in_page_sets_no_cookie_and_is_served_from_the_cache(app, lang):
    read_as_a_public_page(app, f"/{lang}/check-in")


def test_two_check_ins_with_different_notes_are_both_kept_and_charted(app):
    client = app.test_client()
    assert check_in(client, note="first note about week one", urges__answer="8").status_code == 303
    second = check_in(client, note="second note, calmer", importance__answer="9")
    assert second.status_code == 303
    assert second.headers["Location"] == "/en/check-in/saved"

    page = client.get("/en/workbook/check-ins")
    assert "first note about week one" in page.text
    assert "second note, calmer" in page.text
    assert page.headers["Cache-Control"] == "no-store"
    charts = re.findall(r'<svg class="chart" id="chart-(\w+)".*?</svg>', page.text, re.S)
    assert charts == ["importance", "confidence", "urges"]
    urges = re.search(r'id="chart-urges".*?points="([^"]+)"', page.text, re.S).group(1)
    assert len(urges.split()) == 2  # one point per check-in
    table = re.search(r'aria-labelledby="year-title">(.*?)</table>', page.text, re.S).group(1)
    importance = re.findall(r'<th scope="row">[^<]*</th><td>(\d+)</td>', table)
    assert importance == ["6", "9"]


def test_the_check_in_history_is_in_the_markdown_download(app):
    client = app.test_client()
    check_in(client, note="first note")
    check_in(client, note="second note", urges__answer="7")
    text = client.get("/en/workbook/workbook.md").text
    assert "## My check-ins" in text
    assert "first note" in text
    assert "second note" in text
    monday = date.fromisocalendar(*date.today().isocalendar()[:2], 1)
    assert f"| {monday:%b} {monday.day}, {monday.year} | 7 |" in text  # the urge table, by date
    assert "#######" in text  # and its text chart


def test_one_check_in_can_be_deleted_and_the_others_stay(app):
    client = app.test_client()
    check_in(client, note="keep this one")
    check_in(client, note="delete this one")
    page = client.get("/en/workbook/check-ins").text
    ids = re.findall(r'name="check_in" value="([0-9a-f]+)"', page)
    assert len(ids) == 2
    # Newest first on the page: the first delete button is the second check-in's.
    deleted = client.post("/en/check-in/delete", data={"check_in": ids[0], "confirm": "yes"})
    assert deleted.status_code == 303
    assert deleted.headers["Location"] == "/en/workbook/check-ins"
    page = client.get("/en/workbook/check-ins").text
    assert "keep this one" in page
    assert "delete this one" not in page
    assert client.post("/en/check-in/delete", data={}).status_code == 400


def test_check_ins_never_overwrite_answers_and_answers_never_overwrite_them(app):
    client = app.test_client()
    client.post("/en/m/1/1", data={"thoughts.answer": "an answer"})
    check_in(client, note="a check-in note")
    client.post("/en/m/1/1", data={"thoughts.answer": "a changed answer"})
    assert "a changed answer" in client.get("/en/workbook/1").text
    assert "a check-in note" in client.get("/en/workbook/check-ins").text


def test_check_ins_at_once_are_all_kept(app):
    """Six tabs saving a check-in at the same moment: the serialised save keeps all six."""
    first = app.test_client()
    check_in(first, note="note 0")
    value = workbook_cookie(first).value
    barrier = threading.Barrier(5)

    def save(number):
        tab = app.test_client()
        tab.set_cookie("rumbo", value)
        barrier.wait()
        assert check_in(tab, note=f"note {number}").status_code == 303

    threads = [threading.Thread(target=save, args=(n,)) for n in range(1, 6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    page = first.get("/en/workbook/check-ins").text
    assert [n for n in range(6) if f"note {n}<" in page] == list(range(6))


def test_a_check_in_is_dated_by_its_iso_week_only(app, sqlite_url):
    client = app.test_client()
    check_in(client)
    plaintext = workbook_plaintext(app, client)
    assert f'"week": "{WEEK}"'.encode() in plaintext
    assert MARKER.encode() in plaintext
    assert A_DAY.findall(plaintext) == []
    for page in ("/en/workbook/check-ins", "/en/workbook/workbook.md", "/en/check-in/saved"):
        body = client.get(page).data
        assert A_DAY.findall(body.split(b"<footer")[0].replace(b"2026-W", b"")) == [], page
    database = dump_database(sqlite_url)
    assert MARKER.encode() not in database
    assert WEEK.encode() not in database


@pytest.mark.parametrize(
    ("lang", "message"),
    [("en", "Choose a number on the scale."), ("es", "Elige un número de la escala.")],
)
def test_a_check_in_without_a_ruler_is_refused_in_the_visitors_language_with_text_kept(
    app, lang, message
):
    client = app.test_client()
    response = client.post(
        f"/{lang}/check-in",
        data={"importance.answer": "4", "skills.option": "1", "note.answer": "typed and kept"},
    )
    assert response.status_code == 400
    assert message in response.text
    assert "typed and kept" in response.text
    assert 'name="importance.answer" value="4" checked' in response.text
    assert 'name="skills.option" value="1" checked' in response.text
    assert "Set-Cookie" not in response.headers  # nothing was saved
    assert client.post(f"/{lang}/check-in", data={"urges.answer": "11"}).status_code == 400
    assert client.post(f"/{lang}/check-in", data={"other.field": "x"}).status_code == 400


def test_after_a_check_in_the_visitor_sees_a_plain_comparison(shipped):
    client = shipped.test_client()
    client.post("/en/m/1/2", data={"importance.answer": "4", "confidence.answer": "6"})
    check_in(client, importance__answer="7", confidence__answer="3")
    page = client.get("/en/check-in/saved").text
    assert "Importance: 4 at the start, 7 today." in page
    assert "Confidence: 6 at the start, 3 today." in page
    assert "Urges: 3 today." in page
    assert "a sign to get more support" in page  # confidence is low
    assert 'href="/en/help#prevention"' in page

    check_in(client, importance__answer="5", confidence__answer="8", urges__answer="9")
    page = client.get("/en/check-in/saved").text
    assert "Importance: 4 at the start, 7 at your last check-in, 5 today." in page
    assert "Go back to your reasons" in page  # importance dropped
    assert 'href="/en/now"' in page  # strong urges


def test_the_check_in_asks_the_motivation_rulers_in_their_words_and_the_visitors_signs(shipped):
    client = shipped.test_client()
    page = client.get("/es/check-in").text
    assert "¿Qué importancia tiene para ti cambiar, ahora mismo?" in page
    assert "¿Cuánta confianza tienes en que puedes cambiar, si decides hacerlo?" in page
    client.post(
        "/es/m/12/1",
        data={"my-warning-signs.option": "0", "my-warning-signs.other": "Mi señal propia"},
    )
    page = client.get("/es/check-in").text
    assert "Mi señal propia" in page
    assert "¿Cuáles de tus señales de alarma has notado?" in page


def test_the_last_modules_check_in_step_leads_to_the_check_in_page(shipped):
    client = shipped.test_client()
    for lang in ("en", "es"):
        module = CATALOG.of(shipped).module(lang, "staying-on-track")
        step = module.step("checking-in")
        page = client.get(f"/{lang}/m/{module.order}/{step.number}").text
        assert 'href="../../check-in"' in page
        assert 'name="importance.answer"' not in page  # the rulers are asked on that page
