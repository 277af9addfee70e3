"""A visitor takes the self-check (no JavaScript: plain forms), sees a route whose links work,
finds it on the module list and in the workbook, and sees the change at a check-in."""

from __future__ import annotations

import re
from datetime import date

import pytest
from sqlalchemy import select

from app.curriculum import CATALOG
from app.curriculum.exercises.reflection import Reflection
from app.db import ENGINE
from app.insight.model import WeeklyAnswer
from app.page_cache import PAGE_CACHE
from tests.selfcheck.conftest import answer_questions
from tests.support.pages import read_as_a_public_page
from tests.support.visitor import (
    check_in,
    dump_database,
    keep,
    workbook_cookie,
    workbook_plaintext,
)

WEEK = "{}-W{:02d}".format(*date.today().isocalendar()[:2])
# Option positions in the shipped questions (content/<lang>/self-check.md).
SUICIDE = {"never": "0", "past": "1", "lately": "2", "now": "3"}
LAST_USE_THIS_WEEK, PEOPLE_NO_ONE, AGE_UNDER_18, BRINGS_CONTACT = "4", "2", "0", "2"
TOPIC_WORDS = re.compile(r"child|niñ|menor|sex|abus|risk|riesgo|suicid|self-check", re.I)


def main_of(page) -> str:
    return re.search(r"<main.*?</main>", page.text, re.S).group(0)


@pytest.mark.parametrize(("lang", "title"), [("en", "Questions"), ("es", "Preguntas")])
def test_the_questions_are_a_public_page_with_a_neutral_title(shipped, lang, title):
    page = read_as_a_public_page(shipped, f"/{lang}/self-check")
    shown = re.search(r"<title>(.*?)</title>", page.text).group(1)
    assert shown.startswith(f"{title} · ")
    assert not TOPIC_WORDS.search(shown)
    assert len(re.findall(r'class="exercise-title"', page.text)) == 14
    assert f'action="/{lang}/self-check"' in page.text
    assert "<script" not in main_of(page)  # a plain form: nothing needs JavaScript


def test_the_offer_comes_after_the_start_of_the_home_page_and_on_the_module_list(shipped):
    client = shipped.test_client()
    for path in ("/en/", "/en/modules/"):
        assert 'href="/en/self-check"' in client.get(path, follow_redirects=True).text
    start = client.get("/en/modules/start/ready", follow_redirects=True).text
    assert 'href="../../self-check"' in start or 'href="/en/self-check"' in start
    steps = [s.id for s in CATALOG.of(shipped).module("en", "start").steps]
    assert steps.index("help-now") < steps.index("ready")  # the urgent help comes first


def test_skipping_every_question_keeps_nothing_and_sets_no_cookie(shipped):
    client = shipped.test_client()
    skipped = client.post("/en/self-check", data={})
    assert skipped.status_code == 303
    assert skipped.headers["Location"] == "/en/modules/"
    assert "Set-Cookie" not in skipped.headers


def test_the_answers_give_a_route_in_plain_words_whose_links_work(shipped):
    client = shipped.test_client()
    sent = answer_questions(client, lonely="8", people=PEOPLE_NO_ONE, importance="3")
    assert sent.status_code == 303
    assert sent.headers["Location"] == "/en/self-check/route"
    assert workbook_cookie(client) is not None
    page = client.get("/en/self-check/route")
    assert page.headers["Cache-Control"] == "no-store"
    main = main_of(page)
    assert "You said you feel alone most days. The module on relationships may help early." in main
    modules = linked_modules(client.application, r'<h3><a href="/en/m/(\d+)/">', main)
    assert modules == ["relationships", "motivation"]
    assert "Please talk to someone now" not in main
    for href in set(re.findall(r'href="(/en/[^"#]*)"', main)):
        assert client.get(href).status_code == 200, href


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("option", ["lately", "now"])
def test_thoughts_of_suicide_put_the_crisis_lines_before_anything_else(shipped, lang, option):
    client = shipped.test_client()
    answer_questions(client, lang, suicide=SUICIDE[option], lonely="9", urge_strength="9")
    main = main_of(client.get(f"/{lang}/self-check/route"))
    crisis = main.index('class="route-crisis"')
    assert crisis < main.index('class="route-help"') < main.index("route-modules-title")
    first_tel = main.index('href="tel:')
    assert crisis < first_tel < main.index("route-modules-title")
    assert re.search(r"<h1>[^<]*</h1>\s*<section class=\"route-crisis\"", main)


def test_strong_urges_with_worry_about_a_child_go_to_crisis_help_first(shipped):
    client = shipped.test_client()
    answer_questions(client, brings=[BRINGS_CONTACT], urge_strength="10")
    main = main_of(client.get("/en/self-check/route"))
    assert main.index('class="route-crisis"') < main.index("route-modules-title")
    assert "get away from the child, make sure the child is safe, then call" in main


def test_past_thoughts_of_suicide_alone_do_not_raise_the_alarm(shipped):
    client = shipped.test_client()
    answer_questions(client, suicide=SUICIDE["past"])
    assert 'class="route-crisis"' not in client.get("/en/self-check/route").text


def test_under_18_gets_the_crisis_lines_and_a_trusted_adult_and_no_unconfirmed_line(shipped):
    client = shipped.test_client()
    answer_questions(client, "es", age=AGE_UNDER_18)
    main = main_of(client.get("/es/self-check/route"))
    assert 'class="route-crisis"' in main
    assert 'href="tel:024"' in main
    assert "persona adulta de confianza" in main
    assert "900 20 20 10" not in main
    assert "116 111" not in main


def test_recent_use_puts_professional_help_and_right_now_forward(shipped):
    client = shipped.test_client()
    answer_questions(client, last_use=LAST_USE_THIS_WEEK)
    main = main_of(client.get("/en/self-check/route"))
    help_section = main.index('class="route-help"')
    assert help_section < main.index("route-modules-title")
    assert 'href="/en/help"' in main[help_section:]
    assert 'href="/en/now"' in main[help_section:]
    summary = client.get("/en/modules/", follow_redirects=True).text
    assert "help from a professional could make a real difference" in summary


def test_the_answers_live_only_in_the_encrypted_workbook(shipped, sqlite_url):
    client = shipped.test_client()
    answer_questions(client, lonely="8", people=PEOPLE_NO_ONE, suicide=SUICIDE["past"])
    plaintext = workbook_plaintext(shipped, client)
    assert b'"self_checks"' in plaintext
    assert b'"no-one"' in plaintext
    assert WEEK.encode() in plaintext
    stored = dump_database(sqlite_url)
    for word in (b"self_checks", b"no-one", b"lonely", b"past", WEEK.encode()):
        assert word not in stored


def linked_modules(app, pattern: str, html: str) -> list[str]:
    """The modules ``html`` links to (by their numbered addresses), as slugs."""
    by_number = {m.order: m.slug for m in CATALOG.of(app).modules("en")}
    return [by_number[int(number)] for number in re.findall(pattern, html)]


def test_the_module_list_and_the_workbook_show_the_route_and_where_the_visitor_is(shipped):
    assert "My route" not in read_as_a_public_page(shipped, "/en/modules/").text
    client = shipped.test_client()
    answer_questions(client, lonely="8", mood="7")
    listed = client.get("/en/modules/", follow_redirects=True)
    assert listed.headers["Cache-Control"] == "no-store"
    assert "My route" in listed.text
    route = re.search(r'<section class="route-summary".*?</section>', listed.text, re.S).group(0)
    assert linked_modules(shipped, r'href="/en/m/(\d+)/"', route) == [
        "relationships",
        "self-compassion",
    ]
    assert route.count("Next on your route") == 1
    assert route.index("Next on your route") < route.index("self-compassion")

    module = CATALOG.of(shipped).module("en", "relationships")
    step, exercise = next(
        (s, e) for s in module.steps for e in s.exercises if isinstance(e, Reflection)
    )
    saved = client.post(
        f"/en/modules/relationships/{step.id}", data={f"{exercise.id}.answer": "a first try"}
    )
    assert saved.status_code == 303
    route = re.search(
        r'<section class="route-summary".*?</section>', client.get("/en/workbook").text, re.S
    )
    assert re.search(
        r"Next on your route</strong> · Started: 1 of \d+ exercises answered", route.group(0)
    )
    assert "My route" not in PAGE_CACHE.of(shipped).get("/en/modules/").decode()


def test_answering_again_at_a_check_in_shows_the_change(shipped):
    client = shipped.test_client()
    answer_questions(client, lonely="8")
    form = client.get("/en/check-in")
    assert "How alone have you felt lately?" in form.text
    assert check_in(client, note=None, **{"factor-lonely__answer": "3"}).status_code == 303
    saved = client.get("/en/check-in/saved")
    assert "Feeling alone: 8 before, 3 today." in saved.text

    answer_questions(client, lonely="2")
    workbook = client.get("/en/workbook")
    points = re.search(r'id="chart-factor-lonely".*?points="([^"]+)"', workbook.text, re.S)
    assert len(points.group(1).split()) == 3
    table = re.search(r'aria-labelledby="factor-lonely">(.*?)</table>', workbook.text, re.S)
    assert re.findall(r"<td>(\d+)</td>", table.group(1)) == ["8", "3", "2"]
    download = client.get("/en/workbook/workbook.md").text
    assert "### Feeling alone" in download
    assert f"| {WEEK} | Check-in | 3 |" in download


def test_the_questions_show_the_newest_answers_to_change_them(shipped):
    client = shipped.test_client()
    answer_questions(client, people=PEOPLE_NO_ONE, lonely="8")
    again = client.get("/en/self-check")
    assert again.headers["Cache-Control"] == "no-store"
    assert re.search(r'name="people.answer" value="2" checked', again.text)
    assert re.search(r'name="lonely.answer" value="8" checked', again.text)


def test_an_answer_that_is_not_an_option_is_a_400_in_the_visitors_language(shipped):
    client = shipped.test_client()
    refused = client.post("/es/self-check", data={"suicide.answer": "9"})
    assert refused.status_code == 400
    assert "Elige una de las opciones." in refused.text
    assert "Set-Cookie" not in refused.headers
    foreign = client.post("/es/self-check", data={"elsewhere.answer": "1"})
    assert foreign.status_code == 400


def test_insight_counts_takers_and_first_modules_per_week_and_nothing_per_person(
    shipped, monkeypatch
):
    from datetime import timedelta

    from app.insight import counting
    from app.weeks import monday

    # Counted in the last finished week: the current one is never reported.
    monkeypatch.setattr(counting, "today", lambda: monday(date.today()) - timedelta(days=3))
    for lonely in ("8", "9", "1"):
        answer_questions(shipped.test_client(), lonely=lonely)
    with ENGINE.of(shipped).connect() as connection:
        rows = connection.execute(select(WeeklyAnswer)).all()
    found = {(r.question, r.answer): r.count for r in rows}
    assert found == {
        ("self-check:taken", "all"): 3,
        ("self-check:first-module", "relationships"): 2,
        ("self-check:first-module", "none"): 1,
    }
    report = shipped.test_cli_runner().invoke(args=["insight", "report"]).output
    assert re.search(
        r"self-check:\n.*\n  first-module  none +<2\n  first-module  relationships +2\n  taken +all +3\n",
        report,
    )


def test_a_kept_workbook_brings_the_route_back_on_another_device(shipped):
    client = shipped.test_client()
    answer_questions(client, lonely="8")
    phrase = keep(client)
    other = shipped.test_client()
    assert other.post("/en/resume", data={"passphrase": phrase}).status_code == 303
    assert "You said you feel alone most days." in other.get("/en/self-check/route").text
