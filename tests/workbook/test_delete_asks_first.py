"""Deleting asks first (GOV.UK's pattern): the delete buttons lead to a page that says what will
go, and only its button, which sends confirm=yes, erases anything. Nothing is lost to one tap."""

from __future__ import annotations

import re

import pytest

from tests.support.visitor import MARKER, answer, check_in, workbook_cookie


def _confirm_form(page: str, action: str) -> str:
    found = re.search(rf'<form method="post" action="{re.escape(action)}">(.*?)</form>', page, re.S)
    assert found, page
    return found.group(1)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_one_tap_on_delete_asks_and_erases_nothing(client, lang):
    answer(client, lang)
    asked = client.post(f"/{lang}/workbook/delete")
    assert asked.status_code == 200
    assert asked.headers["Cache-Control"] == "no-store"
    assert "Set-Cookie" not in asked.headers  # the cookie stays
    form = _confirm_form(asked.text, f"/{lang}/workbook/delete")
    assert 'name="confirm" value="yes"' in form
    assert f'href="/{lang}/workbook"' in asked.text  # the way back, keeping everything
    assert MARKER in client.get(f"/{lang}/workbook/1").text
    assert workbook_cookie(client) is not None


def test_delete_confirmed_on_the_page_erases_the_workbook(client):
    answer(client)
    deleted = client.post("/en/workbook/delete", data={"confirm": "yes"})
    assert deleted.status_code == 200
    assert "Your workbook is deleted" in deleted.text
    assert workbook_cookie(client) is None
    assert MARKER not in client.get("/en/workbook/1").text


def test_anything_but_yes_still_only_asks(client):
    answer(client)
    for value in ("", "no", "YES ", "1"):
        assert (
            "Your workbook is deleted"
            not in client.post("/en/workbook/delete", data={"confirm": value}).text
        )
    assert MARKER in client.get("/en/workbook/1").text


def test_deleting_a_check_in_asks_first_and_carries_which_one(client):
    check_in(client, note="a note to keep")
    page = client.get("/en/workbook/check-ins").text
    (check_in_id,) = re.findall(r'name="check_in" value="([0-9a-f]+)"', page)
    asked = client.post("/en/check-in/delete", data={"check_in": check_in_id})
    assert asked.status_code == 200
    assert asked.headers["Cache-Control"] == "no-store"
    form = _confirm_form(asked.text, "/en/check-in/delete")
    assert f'name="check_in" value="{check_in_id}"' in form
    assert 'name="confirm" value="yes"' in form
    assert "a note to keep" in client.get("/en/workbook/check-ins").text
    done = client.post("/en/check-in/delete", data={"check_in": check_in_id, "confirm": "yes"})
    assert done.status_code == 303
    assert "a note to keep" not in client.get("/en/workbook/check-ins").text


def test_keep_and_delete_are_apart_on_the_workbook_page(client):
    answer(client)
    page = client.get("/en/workbook").text
    assert '<form class="delete-form"' in page
    css = client.get(re.search(r'<link rel="stylesheet" href="([^"]+)"', page).group(1)).text
    assert re.search(r"\.keep-delete \.delete-form \{[^}]*margin-top: 3rem", css)
