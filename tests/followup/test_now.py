"""The "Right now" page: the urgent part first, then the own plan with a workbook, the helplines;
no cookie when read, cached like any public page, and linked from every page's header."""

from __future__ import annotations

import pytest

from tests.support.pages import every_page, read_as_a_public_page
from tests.support.safety import IMMINENT


@pytest.mark.parametrize("lang", ["en", "es"])
def test_reading_it_sets_no_cookie_and_it_is_cached_without_one(app, lang):
    page = read_as_a_public_page(app, f"/{lang}/now")
    assert IMMINENT[lang] in " ".join(page.text.split()).lower()
    assert 'href="tel:' in page.text  # the crisis lines


@pytest.mark.parametrize("lang", ["en", "es"])
def test_with_a_workbook_the_visitors_own_plan_follows_the_urgent_part(app, lang):
    client = app.test_client()
    client.post(
        f"/{lang}/m/1/2",
        data={"triggers.option": "0", "triggers.other": "My own early sign"},
    )
    client.post(f"/{lang}/m/1/3", data={"reasons.item": ["My own reason"]})
    page = client.get(f"/{lang}/now")
    assert page.headers["Cache-Control"] == "no-store"
    assert "Set-Cookie" not in page.headers
    text = page.text
    assert "My own early sign" in text
    assert "My own reason" in text
    # The urgent part leads (issue 23, item 2): call buttons, the hardest moments, then the plan.
    assert text.index('href="tel:') < text.lower().index(IMMINENT[lang])
    assert text.lower().index(IMMINENT[lang]) < text.index("My own early sign")
    # Another reader still gets the public page, without anyone's plan.
    assert "My own early sign" not in app.test_client().get(f"/{lang}/now").text


def test_without_a_workbook_it_explains_how_the_plan_is_built(client):
    page = client.get("/en/now").text
    assert "your own plan for hard moments appears here:" in page
    assert 'href="/en/workbook/plan"' in page


def test_the_shipped_page_answers_the_hardest_moments_in_both_languages(shipped_app):
    client = shipped_app.test_client()
    for lang, needles in {
        "en": ["I am with a child", "I have just looked at CSAM", "under 18",
               "arrested or found out", "higher risk of suicide", "Stop It Now"],
        "es": ["Estoy con un niño", "Acabo de mirar material", "menor de 18",
               "Me han detenido", "mayor riesgo de suicidio", "Stop It Now"],
    }.items():  # fmt: skip
        page = client.get(f"/{lang}/now")
        assert page.status_code == 200
        text = " ".join(page.text.split())  # the Markdown's line breaks, as a browser shows them
        assert IMMINENT[lang] in text.lower()
        for needle in needles:
            assert needle in text, (lang, needle)
        main = text.split('<main id="main"')[1].split("</main>")[0].lower()
        for forbidden in ("delete", "borra", "evidence", "prueba", "hide", "ocult", "destr"):
            assert forbidden not in main, (lang, forbidden)


def test_every_page_links_to_right_now_in_its_header(shipped_app):
    client = shipped_app.test_client()
    for url in every_page(shipped_app):
        response = client.get(url, follow_redirects=True)
        lang = response.request.path.split("/")[1]
        header = response.text.split("</header>")[0]
        assert f'href="/{lang}/now"' in header, url
        # next to the quick exit, right after it
        assert header.index("quick-exit") < header.index(f'href="/{lang}/now"')


# Where each kind of line sits on the page: "above"/"below" in the text must match.
WHERE_SAID = {
    "en": {"crisis line below": "crisis", "helplines below": "prevention"},
    "es": {"línea de crisis de abajo": "crisis", "líneas de ayuda de abajo": "prevention"},
}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_text_points_to_lines_where_they_are(shipped_app, lang):
    """The call buttons now lead the page: the text must not send a visitor in a hurry down to
    crisis lines that are above it (issue 23)."""
    text = " ".join(shipped_app.test_client().get(f"/{lang}/now").text.split())
    calls = text.index('id="crisis-lines"')
    prevention = text.index('id="prevention"')
    for phrase, kind in WHERE_SAID[lang].items():
        at = text.find(phrase)
        if at == -1:
            continue
        below = prevention if kind == "prevention" else calls
        assert at < below, f"{phrase!r} points down, but those lines are above it"
