"""Small helpers for workbook tests: answer through the form, read the passphrase off the page."""

from __future__ import annotations

import re

from sqlalchemy import create_engine, text

MARKER = "Zebra-marker sentence 7419 that must never leave the ciphertext"


def answer(client, lang="en", step="thinking", exercise="thoughts", then="stay", **fields):
    """Submit the step's one form with ``fields`` of ``exercise`` filled in (as a browser
    names them: ``<exercise id>.<field>``), pressing "Save" or "Save and continue"."""
    data = {f"{exercise}.{name}": value for name, value in (fields or {"answer": MARKER}).items()}
    return client.post(f"/{lang}/modules/sample/{step}", data={**data, "then": then})


def keep(client, lang="en", replace: bool = False) -> str:
    """Press "Keep my workbook" (or confirm "replace my passphrase") and read the passphrase."""
    page = client.post(f"/{lang}/workbook/keep", data={"replace": "yes"} if replace else {})
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
