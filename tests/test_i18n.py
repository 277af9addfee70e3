"""Locale negotiation without cookies, the language switch, and a third locale with no code change."""

from __future__ import annotations

import shutil

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from tests.support.apps import FIXTURE_CONTENT, ROOT


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("en-GB,en;q=0.9", "/en/"),
        ("es-MX,es;q=0.9,en;q=0.5", "/es/"),
        ("fr-FR,de;q=0.8", "/es/"),  # default locale
        ("de;q=0.9, en;q=0.1", "/en/"),
        ("", "/es/"),
        (";;;q=abc,,,", "/es/"),  # malformed: the default, not an error
        ("en;q=nonsense", "/es/"),
        ("x" * 5000, "/es/"),
    ],
)
def test_root_redirects_to_the_best_locale_without_a_cookie(client, header, expected):
    response = client.get("/", headers={"Accept-Language": header})
    assert response.status_code == 302
    assert response.headers["Location"] == expected
    assert "Set-Cookie" not in response.headers
    assert "Accept-Language" in response.headers["Vary"]


def test_pages_carry_their_language(client):
    spanish = client.get("/es/modules/")
    english = client.get("/en/modules/")
    assert '<html lang="es" dir="ltr">' in spanish.text
    assert "Módulos" in spanish.text
    assert '<html lang="en" dir="ltr">' in english.text
    assert "Modules" in english.text


def test_language_switch_links_to_the_same_page(client):
    page = client.get("/en/m/1/2").text
    assert 'href="/es/m/1/2" lang="es" hreflang="es"' in page
    page = client.get("/es/help?country=GB").text
    assert 'href="/en/help?country=GB"' in page


def test_unknown_locale_is_a_404_in_the_visitors_language(client):
    response = client.get("/fr/modules/", headers={"Accept-Language": "en"})
    assert response.status_code == 404
    assert "Page not found" in response.text
    response = client.get("/de/", headers={"Accept-Language": "es"})
    assert response.status_code == 404
    assert "Página no encontrada" in response.text


def test_a_third_locale_needs_only_new_files(app_factory, tmp_path, sqlite_url):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, content)
    shutil.copytree(content / "en", content / "fr")
    for path in (content / "fr").glob("*.md"):
        path.write_text(
            path.read_text().replace("title: A sample module", "title: Un module d'exemple")
        )
    translations = tmp_path / "translations"
    shutil.copytree(ROOT / "translations", translations)
    catalog = Catalog(locale="fr")
    catalog.add("Modules", "Modules (fr)")
    catalog.add("Right now", "Besoin d'aide maintenant ?")
    (translations / "fr" / "LC_MESSAGES").mkdir(parents=True)
    with open(translations / "fr" / "LC_MESSAGES" / "messages.mo", "wb") as handle:
        write_mo(handle, catalog)
    app = app_factory(
        sqlite_url,
        tmp_path,
        content=content,
        locales=["es", "en", "fr"],
        translations_dir=[str(translations)],
    )
    client = app.test_client()
    page = client.get("/fr/m/1/")
    assert page.status_code == 200
    assert '<html lang="fr"' in page.text
    assert "Un module d&#39;exemple" in page.text
    assert "Besoin d'aide maintenant ?" in page.text  # translations are trusted: not escaped
    assert client.get("/", headers={"Accept-Language": "fr-CA"}).headers["Location"] == "/fr/"
    assert 'hreflang="fr"' in client.get("/en/").text
