"""Help is one click away on every page: crisis lines first, filter by country without JavaScript."""

from __future__ import annotations

import re

import pytest

from tests.support.pages import every_page


@pytest.mark.parametrize(
    ("lang", "crisis", "prevention"),
    [("en", "Crisis and emergency lines", "Anonymous help"), ("es", "Crisis", "Ayuda anónima")],
)
def test_help_page_lists_prevention_helplines_then_crisis_lines(
    shipped_app, lang, crisis, prevention
):
    """Issue 23: the help page is where a visitor looks for the help this portal is about; the
    crisis lines are in every page's footer and on Right now, and still on this page."""
    page = shipped_app.test_client().get(f"/{lang}/help").text
    main = page.split('<main id="main"', 1)[1]
    assert main.index('id="prevention"') < main.index('id="crisis"') < main.index('id="therapy"')
    crisis_section = main.split('id="crisis"')[1].split('id="therapy"')[0]
    for number in ("024", "112", "116 123", "988", "999", "911"):
        assert number in crisis_section, number
    assert 'href="tel:024"' in crisis_section


def test_filter_by_country_is_a_plain_get_form(shipped_app):
    client = shipped_app.test_client()
    page = client.get("/en/help").text
    assert re.search(r'<form class="country-filter" method="get" action="/en/help">', page)
    spain = (
        client.get("/en/help?country=ES").text.split('<main id="main"', 1)[1].split("<footer", 1)[0]
    )
    assert "Línea 024" in spain
    assert "Samaritans" not in spain
    assert "988" not in spain
    assert "Troubled Desire" in spain  # online services are shown everywhere
    assert '<option value="ES" selected>' in spain


def test_an_unknown_country_shows_everything_with_a_note(shipped_app):
    page = shipped_app.test_client().get("/en/help?country=ZZ")
    assert page.status_code == 200
    assert "no services listed for that country" in page.text
    assert "Samaritans" in page.text
    assert "Línea 024" in page.text


def test_entries_awaiting_confirmation_say_so(shipped_app):
    page = shipped_app.test_client().get("/es/help?country=ES").text
    assert "PrevenSI" in page
    assert "No hemos podido confirmar" in page


def test_quick_exit_and_help_panel_on_every_page_type(shipped_app):
    client = shipped_app.test_client()
    client.post("/en/m/0/7", data={"readiness.answer": "6"})
    for url in every_page(shipped_app)[1:]:
        page = client.get(url).text
        assert 'id="quick-exit" href="https://www.wikipedia.org/"' in page, url
        assert ("Quick exit" in page) or ("Salida rápida" in page), url
        assert 'class="right-now" href="/' in page, url  # one crisis link, to Right now
        assert 'id="help-now"' in page, url
        assert 'href="tel:024"' in page, url
        assert 'href="tel:116123"' in page, url
        panel = page.split('id="help-now"')[1]
        # Crisis lines first, then prevention helplines, then finding a therapist.
        assert (
            panel.index("tel:024") < panel.index("help#prevention") < panel.index("help#therapy")
        ), url


def test_the_host_chooses_the_quick_exit_and_help_countries(app_factory, tmp_path, sqlite_url):
    from tests.support.apps import SHIPPED_CONTENT

    app = app_factory(
        sqlite_url,
        tmp_path,
        content=SHIPPED_CONTENT,
        quick_exit_url="https://weather.example/",
        help_countries=["GB"],
    )
    client = app.test_client()
    page = client.get("/en/").text
    assert 'href="https://weather.example/"' in page
    assert "116 123" in page
    assert "tel:024" not in page
    help_page = client.get("/en/help").text
    assert "Stop It Now" in help_page
    assert "Línea 024" not in help_page


def test_safety_page_explains_safer_browsing(shipped_app):
    client = shipped_app.test_client()
    english = client.get("/en/safety").text
    spanish = client.get("/es/safety").text
    for text, words in (
        (english, ("private", "history", "Tor Browser", "Quick exit")),
        (spanish, ("privad", "historial", "Tor Browser", "Salida rápida")),
    ):
        for word in words:
            assert word in text, word


def test_logo_from_the_instance_folder(app_factory, tmp_path, sqlite_url):
    (tmp_path / "instance").mkdir(exist_ok=True)
    (tmp_path / "instance" / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    app = app_factory(sqlite_url, tmp_path, theme={"logo": "logo.svg", "primary": "#224466"})
    client = app.test_client()
    page = client.get("/en/").text
    assert '<img src="/brand/logo.svg"' in page
    assert client.get("/brand/logo.svg").status_code == 200
    assert client.get("/brand/other.svg").status_code == 404
    css = client.get(page.split('rel="stylesheet" href="')[1].split('"')[0]).text
    assert "--primary:#224466" in css


@pytest.mark.parametrize(("lang", "unknown"), [("en", "Not confirmed"), ("es", "Sin confirmar")])
def test_anonymity_not_known_is_said_to_be_not_confirmed(shipped_app, lang, unknown):
    """Issue 23: "anonymous: false" in the directory means nobody confirmed it, not "No"."""
    page = shipped_app.test_client().get(f"/{lang}/help").text
    assert f"<dd>{unknown}</dd>" in page
    assert "<dd>No</dd>" not in page
