"""Saving is not keeping (issue 23, items 7 and 9): after a save the visitor reads, by the
buttons they pressed, that the answer is saved and that an unkept workbook lives only in this
browser; Spanish uses two verbs, "guardar" for answers and "conservar" for the workbook."""

from __future__ import annotations

import pytest

from tests.support.visitor import answer, check_in, keep

KEEP_LINK = 'href="/{lang}/workbook#keep-title"'


@pytest.mark.parametrize("lang", ["en", "es"])
def test_after_save_a_status_by_the_buttons_invites_keeping(app, lang):
    visitor = app.test_client()
    saved = answer(visitor, lang=lang)
    assert saved.headers["Location"] == f"/{lang}/m/1/1?saved=1#saved"
    page = visitor.get(saved.headers["Location"]).text
    by_buttons = page[page.index('id="saved"') : page.index('name="then" value="stay"')]
    assert 'role="status"' in by_buttons
    assert ("Saved." if lang == "en" else "Guardado.") in by_buttons
    assert KEEP_LINK.format(lang=lang) in by_buttons
    assert page.count('role="status"') >= 1
    keep(visitor, lang=lang)
    page = visitor.get(f"/{lang}/m/1/1?saved=1").text
    assert KEEP_LINK.format(lang=lang) not in page  # kept: nothing to invite


def test_the_module_end_and_the_check_in_invite_keeping_an_unkept_workbook(app):
    visitor = app.test_client()
    answer(visitor)
    assert KEEP_LINK.format(lang="en") in visitor.get("/en/m/1/done").text
    check_in(visitor)
    assert KEEP_LINK.format(lang="en") in visitor.get("/en/check-in/saved").text
    keep(visitor)
    assert KEEP_LINK.format(lang="en") not in visitor.get("/en/m/1/done").text
    assert KEEP_LINK.format(lang="en") not in visitor.get("/en/check-in/saved").text


def test_no_invitation_for_a_reader_without_a_workbook(client):
    assert "keep-title" not in client.get("/en/m/1/done").text


def test_the_line_by_the_save_buttons_is_honest(client):
    page = client.get("/en/m/1/1").text
    assert "stay in this browser until you close it" in page
    assert "You can change them at any time" not in page


def test_spanish_saves_answers_and_keeps_the_workbook(app):
    visitor = app.test_client()
    answer(visitor, lang="es")
    step = visitor.get("/es/m/1/1").text
    assert ">Guardar</button>" in step
    workbook = visitor.get("/es/workbook").text
    assert "Conservar mi cuaderno con una contraseña" in workbook
    assert "Guardar mi cuaderno" not in workbook


def test_an_address_alone_never_says_saved(client):
    page = client.get("/en/m/1/1?saved=1").text
    assert "saved-notice" not in page
    assert "Set-Cookie" not in client.get("/en/m/1/2?after=1").headers
