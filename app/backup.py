"""A backup of the database as one file, the same for SQLite and PostgreSQL.

The file is gzip-compressed JSON lines: a header (format, schema revision, tables), then one
line per row (binary columns in base64, dates in ISO form). It is made with SQLAlchemy, not
``pg_dump``: the same command and file for both back ends, a restore from SQLite into
PostgreSQL (a host that outgrows one server), no PostgreSQL client tools needed in the
container, and no version match between ``pg_dump`` and the server. What it holds is what the
database holds: workbook ciphertext, lookup ids, day-precision dates, the kept flag and the
anonymous counts. It cannot open a workbook without the secret key, which it does not contain.
"""

from __future__ import annotations

import base64
import gzip
import json
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, Date, LargeBinary, Table, func, select
from sqlalchemy.engine import Engine

from . import models  # noqa: F401  (every table registered on Base.metadata)
from .db import Base

FORMAT = "rumbo-backup"
FORMAT_VERSION = 1
BATCH = 1000


class BackupError(Exception):
    """The backup cannot be made or restored; the message says why and what to do."""


def tables() -> list[Table]:
    return list(Base.metadata.sorted_tables)


def schema_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def create(engine: Engine, target: Path, head: str) -> dict[str, int]:
    """Write every row of every table to ``target`` (a new file, readable by its owner only);
    return the number of rows per table."""
    counts: dict[str, int] = {}
    with engine.connect() as connection, connection.begin():  # one consistent snapshot
        revision = schema_revision(connection)
        if revision != head:
            raise BackupError(
                f"the database's schema is {revision}, this release's is {head}: "
                "run `flask --app app db upgrade` first"
            )
        try:
            descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            raise BackupError(f"{target} already exists: choose a new file name") from None
        with open(descriptor, "wb") as raw, gzip.open(raw, "wt", encoding="utf-8") as out:
            header = {"format": FORMAT, "version": FORMAT_VERSION, "schema": revision,
                      "tables": [t.name for t in tables()]}  # fmt: skip
            out.write(json.dumps(header) + "\n")
            for table in tables():
                counts[table.name] = 0
                rows = connection.execute(select(table)).mappings()
                for row in rows:
                    line = {"table": table.name, "row": {k: _encode(v) for k, v in row.items()}}
                    out.write(json.dumps(line) + "\n")
                    counts[table.name] += 1
    return counts


def restore(engine: Engine, source: Path, head: str) -> dict[str, int]:
    """Load ``source`` into an empty database at schema ``head``; refuse a database with rows."""
    lines = _lines(source)
    header = next(lines, None)
    if not header or header.get("format") != FORMAT or header.get("version") != FORMAT_VERSION:
        raise BackupError(f"{source} is not a Rumbo backup (flask backup create makes one)")
    if header["schema"] != head:
        raise BackupError(
            f"{source} was made at schema {header['schema']}, this release's is {head}: restore"
            " it with the release that made it, then upgrade"
        )
    by_name = {t.name: t for t in tables()}
    counts = dict.fromkeys(by_name, 0)
    with engine.begin() as connection:  # all or nothing
        if schema_revision(connection) != head:
            raise BackupError("run `flask --app app db upgrade` on the empty database first")
        for table in by_name.values():
            if connection.execute(select(func.count()).select_from(table)).scalar():
                raise BackupError(
                    f"the database is not empty (table {table.name} has rows): restore into a"
                    " new, empty database"
                )
        batch: dict[str, list[dict[str, Any]]] = {name: [] for name in by_name}
        for line in lines:
            found = by_name.get(line.get("table", ""))
            if found is None:
                raise BackupError(f"{source} names an unknown table {line.get('table')!r}")
            batch[found.name].append(_decode(found, line["row"]))
            counts[found.name] += 1
            if len(batch[found.name]) >= BATCH:
                connection.execute(found.insert(), batch[found.name])
                batch[found.name] = []
        for name, rows in batch.items():
            if rows:
                connection.execute(by_name[name].insert(), rows)
    return counts


def _lines(source: Path) -> Iterator[dict[str, Any]]:
    try:
        with gzip.open(source, "rt", encoding="utf-8") as stream:
            for line in stream:
                yield json.loads(line)
    except (OSError, EOFError, json.JSONDecodeError, UnicodeDecodeError) as error:
        raise BackupError(f"{source} cannot be read as a Rumbo backup: {error}") from None


def _encode(value: Any) -> Any:
    if isinstance(value, bytes | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _decode(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    decoded = {}
    for column in table.columns:
        value = row.get(column.name)
        if value is not None and isinstance(column.type, LargeBinary):
            value = base64.b64decode(value)
        elif value is not None and isinstance(column.type, Date):
            value = date.fromisoformat(value)
        decoded[column.name] = value
    return decoded
