"""`flask backup create` then `flask backup restore` into an empty database: a kept workbook
opens again with its passphrase, on SQLite and on a real PostgreSQL, and only with the same
secret key (which is why the key is backed up apart from the database)."""

from __future__ import annotations

import gzip
import stat

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app.migrate import upgrade
from tests.support.visitor import MARKER, answer, keep

OTHER_KEY = "another-secret-key-that-is-long-enough-0987654321"


def empty_database_beside(url: str, tmp_path) -> str:
    """A second, empty database on the same server (a new file for SQLite)."""
    if url.startswith("sqlite"):
        return f"sqlite:///{tmp_path / 'restored.db'}"
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text("DROP DATABASE IF EXISTS rumbo_restored"))
        connection.execute(text("CREATE DATABASE rumbo_restored"))
    engine.dispose()
    return make_url(url).set(database="rumbo_restored").render_as_string(hide_password=False)


def test_a_restored_backup_opens_a_kept_workbook_with_its_passphrase(
    app_factory, database_url, tmp_path
):
    before = app_factory(database_url, tmp_path / "before")
    visitor = before.test_client()
    answer(visitor)
    phrase = keep(visitor)
    backup = tmp_path / "rumbo.backup"
    made = before.test_cli_runner().invoke(args=["backup", "create", str(backup)])
    assert made.exit_code == 0, made.output
    assert "1 workbooks" in made.output
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert MARKER.encode() not in gzip.decompress(backup.read_bytes())  # ciphertext only
    again = before.test_cli_runner().invoke(args=["backup", "create", str(backup)])
    assert again.exit_code == 1
    assert "already exists" in again.output
    refused = before.test_cli_runner().invoke(args=["backup", "restore", str(backup)])
    assert refused.exit_code == 1
    assert "the database is not empty" in refused.output

    target = empty_database_beside(database_url, tmp_path)
    upgrade(target)
    after = app_factory(target, tmp_path / "after")
    restored = after.test_cli_runner().invoke(args=["backup", "restore", str(backup)])
    assert restored.exit_code == 0, restored.output
    returning = after.test_client()
    assert returning.post("/en/resume", data={"passphrase": phrase}).status_code == 303
    assert MARKER in returning.get("/en/workbook/1").text

    without_the_key = app_factory(target, tmp_path / "other", secret_key=OTHER_KEY)
    stranger = without_the_key.test_client()
    assert stranger.post("/en/resume", data={"passphrase": phrase}).status_code == 400


def test_a_file_that_is_not_a_backup_is_refused_in_one_line(app, tmp_path):
    bogus = tmp_path / "notes.txt"
    bogus.write_text("not a backup")
    result = app.test_cli_runner().invoke(args=["backup", "restore", str(bogus)])
    assert result.exit_code == 1
    assert "cannot be read as a Rumbo backup" in result.output
    assert "Traceback" not in result.output


@pytest.mark.postgres
def test_a_sqlite_backup_restores_into_postgresql(app_factory, sqlite_url, postgres_url, tmp_path):
    """A host outgrowing one server moves its database with the same two commands."""
    before = app_factory(sqlite_url, tmp_path / "before")
    visitor = before.test_client()
    answer(visitor)
    phrase = keep(visitor)
    backup = tmp_path / "move.rumbo-backup"
    assert before.test_cli_runner().invoke(args=["backup", "create", str(backup)]).exit_code == 0

    target = empty_database_beside(postgres_url, tmp_path)
    upgrade(target)
    after = app_factory(target, tmp_path / "after")
    restored = after.test_cli_runner().invoke(args=["backup", "restore", str(backup)])
    assert restored.exit_code == 0, restored.output
    returning = after.test_client()
    assert returning.post("/en/resume", data={"passphrase": phrase}).status_code == 303
    assert MARKER in returning.get("/en/workbook/1").text
