"""Small helpers for workbook tests: answer through the form, read the passphrase off the page."""

from __future__ import annotations

import re

from sqlalchemy import create_engine, text

from app.db import ENGINE

MARKER = "Zebra-marker sentence 7419 that must never leave the ciphertext"


def answer(client, lang="en", step="thinking", exercise="thoughts", then="stay", **fields):
    """Submit the step's one form with ``fields`` of ``exercise`` filled in (as a browser
    names them: ``<exercise id>.<field>``), pressing "Save" or "Save and continue"."""
    data = {f"{exercise}.{name}": value for name, value in (fields or {"answer": MARKER}).items()}
    return client.post(f"/{lang}/modules/sample/{step}", data={**data, "then": then})


def keep(client, lang="en", replace: bool = False) -> str:
    """Press "Keep my workbook" (or confirm "replace my passphrase") and read the passphrase."""
    data = {"replace": "yes"} if replace else {}
    page = client.post(f"/{lang}/workbook/keep", data=data, follow_redirects=True)
    assert page.status_code == 200
    return re.search(r'class="passphrase"[^>]*><strong>([^<]+)</strong>', page.text).group(1)


def workbook_cookie(client):
    return client.get_cookie("rumbo") or client.get_cookie("__Host-rumbo")


def dump_database(url: str) -> bytes:
    """Every value of every row of every table, as bytes, plus the SQLite file itself."""
    chunks = []
    if url.startswith("sqlite:///"):
        from pathlib import Path

        base = Path(url.removeprefix("sqlite:///"))
        for path in (base, base.with_name(base.name + "-wal")):
            if path.exists():
                chunks.append(path.read_bytes())
    engine = create_engine(url)
    with engine.connect() as connection:
        from sqlalchemy import inspect

        for table in inspect(connection).get_table_names():
            for row in connection.execute(text(f'SELECT * FROM "{table}"')):
                for value in row:
                    chunks.append(value if isinstance(value, bytes) else str(value).encode())
    engine.dispose()
    return b"\n".join(chunks)


def check_in(client, lang="en", note=MARKER, **fields):
    """Submit the check-in form as a browser names its fields (``<question>.<field>``)."""
    data = {"importance.answer": "6", "confidence.answer": "5", "urges.answer": "3"}
    data |= {f"{name.replace('__', '.')}": value for name, value in fields.items()}
    if note is not None:
        data["note.answer"] = note
    return client.post(f"/{lang}/check-in", data=data)


def workbook_plaintext(app, client) -> bytes:
    """The visitor's workbook as the server decrypts it: everything its parts hold, as one
    document (each part decrypted from the stored row)."""
    import json

    from app.workbook import store
    from app.workbook.current import open_workbook

    with app.test_request_context(headers={"Cookie": f"rumbo={workbook_cookie(client).value}"}):
        workbook = open_workbook()
        assert workbook is not None
        engine = ENGINE.of(app)
        with engine.connect() as connection:
            row = connection.execute(
                text("SELECT ciphertext FROM workbooks WHERE lookup_id = :id"),
                {"id": workbook.keys.lookup_id},
            ).one()
        stored = store._open(workbook.keys, bytes(row.ciphertext), kept=False)
        return json.dumps(stored.whole(), ensure_ascii=False).encode()
