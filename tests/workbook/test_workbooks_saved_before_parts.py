"""A workbook saved before parts.py (one JSON document under one seal) opens as it was, and its
next save writes it in parts (issue 28)."""

from __future__ import annotations

import json

from sqlalchemy import text

from app.db import ENGINE
from app.workbook import parts
from app.workbook.crypto import seal
from app.workbook.current import open_workbook
from tests.support.visitor import MARKER, answer, check_in, workbook_cookie


def stored(app, client) -> tuple[bytes, object]:
    with app.test_request_context(headers={"Cookie": f"rumbo={workbook_cookie(client).value}"}):
        keys = open_workbook().keys
    with ENGINE.of(app).connect() as connection:
        row = connection.execute(
            text("SELECT ciphertext FROM workbooks WHERE lookup_id = :id"), {"id": keys.lookup_id}
        ).one()
    return bytes(row.ciphertext), keys


def write_as_before(app, keys, document: dict) -> None:
    """The row as the portal wrote it before parts: the whole document under one seal."""
    sealed = seal(keys.data_key, json.dumps(document).encode(), keys.lookup_id)
    with ENGINE.of(app).begin() as connection:
        connection.execute(
            text("UPDATE workbooks SET ciphertext = :c WHERE lookup_id = :id"),
            {"c": sealed, "id": keys.lookup_id},
        )


def is_in_parts(app, keys, ciphertext: bytes) -> bool:
    return parts.read_index(keys.data_key, keys.lookup_id, ciphertext) is not None


def test_a_workbook_saved_before_parts_opens_and_is_written_in_parts_on_its_next_save(app):
    client = app.test_client()
    assert answer(client).status_code == 303
    _, keys = stored(app, client)
    old_week = {"id": "a1b2c3d4e5f6", "week": "2026-W07", "importance": 7, "confidence": 4,
                "urges": 2, "signs": [], "skills": [], "note": "Older note 5521"}  # fmt: skip
    before = {"v": 1, "answers": {"sample": {"thoughts": "Older answer 8830"}},
              "check_ins": [old_week]}  # fmt: skip
    write_as_before(app, keys, before)
    assert not is_in_parts(app, keys, stored(app, client)[0])

    workbook = client.get("/en/workbook")
    assert workbook.status_code == 200
    assert "Older answer 8830" in client.get("/en/workbook/1").text
    assert "Older note 5521" in client.get("/en/workbook/check-ins").text

    assert check_in(client).status_code == 303  # the next save
    ciphertext, _ = stored(app, client)
    assert is_in_parts(app, keys, ciphertext)
    assert "Older answer 8830" in client.get("/en/workbook/1").text
    history = client.get("/en/workbook/check-ins").text
    assert "Older note 5521" in history
    assert MARKER in history
