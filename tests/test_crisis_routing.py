"""A crisis answer on "where am I?" is never ignored, whichever button saves it (issue 23, item 1).

Crisis and imminent harm open the Right now page at its urgent part; "I'm under 18" opens the
page for young people; the other answers go on, with their feedback where the visitor looks.
"""

from __future__ import annotations

import re

import pytest
from markupsafe import escape

STEP = "/{lang}/m/0/1"
CRISIS, HARM_SOON, STOPPING, UNDER_18 = 0, 1, 2, 4


def feedback(app, lang, option):
    """The start of the feedback the module gives for ``option``, as the page writes it."""
    with app.app_context():
        from app.curriculum import catalog

        found = catalog().module(lang, "start").exercise("where-am-i-now")
    return str(escape(found[1].feedback[option][:40]))


def choose(client, lang, option, then):
    return client.post(
        STEP.format(lang=lang), data={"where-am-i-now.answer": str(option), "then": then}
    )


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("then", ["stay", "next"])
@pytest.mark.parametrize("option", [CRISIS, HARM_SOON])
def test_crisis_or_imminent_harm_opens_right_now_at_its_urgent_part(
    shipped_app, lang, then, option
):
    saved = choose(shipped_app.test_client(), lang, option, then)
    assert saved.status_code == 303
    assert saved.headers["Location"] == f"/{lang}/now#urgent"


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("then", ["stay", "next"])
def test_under_18_opens_the_page_for_young_people(shipped_app, lang, then):
    visitor = shipped_app.test_client()
    saved = choose(visitor, lang, UNDER_18, then)
    assert saved.headers["Location"] == f"/{lang}/young"
    page = visitor.get(saved.headers["Location"])
    assert page.status_code == 200
    assert re.search(r'href="tel:(024|116123|988)"', page.text)
    assert ("adult you trust" if lang == "en" else "adulta de confianza") in page.text


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_young_peoples_page_has_a_neutral_title_and_no_unconfirmed_service(shipped_app, lang):
    page = shipped_app.test_client().get(f"/{lang}/young")
    title = re.search(r"<title>(.*?)</title>", page.text).group(1)
    assert title.startswith("Help for young people" if lang == "en" else "Ayuda para jóvenes")
    assert "ANAR" not in page.text
    assert "Set-Cookie" not in page.headers


@pytest.mark.parametrize("lang", ["en", "es"])
def test_save_and_continue_shows_the_feedback_at_the_top_of_the_next_page(shipped_app, lang):
    visitor = shipped_app.test_client()
    saved = choose(visitor, lang, STOPPING, "next")
    assert saved.headers["Location"] == f"/{lang}/m/0/2?after=1"
    page = visitor.get(saved.headers["Location"]).text
    notice = page.index('class="notice after-notice"')
    assert page.index("<h1>") < notice < page.index(feedback(shipped_app, lang, STOPPING))
    assert page.index(feedback(shipped_app, lang, STOPPING)) < page.index('class="prose"')


@pytest.mark.parametrize("lang", ["en", "es"])
def test_save_shows_the_feedback_by_the_buttons(shipped_app, lang):
    visitor = shipped_app.test_client()
    saved = choose(visitor, lang, STOPPING, "stay")
    assert saved.headers["Location"] == f"/{lang}/m/0/1?saved=1#saved"
    page = visitor.get(saved.headers["Location"]).text
    by_buttons = page[page.index('id="saved"') : page.index('name="then" value="stay"')]
    assert 'role="status"' in by_buttons
    assert feedback(shipped_app, lang, STOPPING) in by_buttons


def test_feedback_phone_numbers_are_tel_links(shipped_app):
    visitor = shipped_app.test_client()
    choose(visitor, "en", CRISIS, "stay")
    page = visitor.get("/en/m/0/1").text
    feedback = page[page.index('class="feedback"') :]
    for number in ("tel:024", "tel:116123", "tel:988", "tel:112", "tel:999", "tel:911"):
        assert f'href="{number}"' in feedback, number


@pytest.mark.parametrize("lang", ["en", "es"])
def test_phone_numbers_in_content_are_tel_links(shipped_app, lang):
    page = shipped_app.test_client().get(STEP.format(lang=lang)).text
    prose = page[page.index('class="prose"') : page.index('class="exercise')]
    assert '<a href="tel:024">024</a>' in prose
    assert '<a href="tel:112">112</a>' in prose


@pytest.mark.parametrize("lang", ["en", "es"])
def test_right_now_leads_with_call_buttons_then_hard_moments_then_the_plan(shipped_app, lang):
    """Item 2: without a workbook the page opened with a plan the visitor does not have."""
    page = shipped_app.test_client().get(f"/{lang}/now").text
    urgent, plan = page.index('id="urgent"'), page.index('id="own-plan"')
    first_call = page.index('href="tel:', urgent)
    hardest = page.index("<h2>", page.index('class="prose"', urgent))  # the page's own parts
    assert page.index("<h1>") < urgent < first_call < hardest < plan
    assert page.index('id="prevention"') > plan


@pytest.mark.parametrize(("lang", "label"), [("en", "Quick check"), ("es", "Comprobación rápida")])
def test_the_triage_question_is_a_quick_check_not_an_exercise(shipped_app, lang, label):
    page = shipped_app.test_client().get(STEP.format(lang=lang)).text
    assert f'<span class="exercise-kind">{label}</span>' in page
    assert ">Exercise<" not in page
    assert ">Ejercicio<" not in page
