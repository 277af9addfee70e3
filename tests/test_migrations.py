"""Migrations: history is linear, every revision goes up and down, and head equals the models."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine

import app.models  # noqa: F401
from app.db import Base
from app.migrate import alembic_config
from tests.support.apps import table_names


def revisions(url):
    return list(reversed(list(ScriptDirectory.from_config(alembic_config(url)).walk_revisions())))


def test_history_is_linear(sqlite_url):
    script = ScriptDirectory.from_config(alembic_config(sqlite_url))
    assert len(script.get_heads()) == 1
    for revision in script.walk_revisions():
        assert not revision.is_merge_point
        assert len(revision.nextrev) <= 1


def test_head_schema_equals_the_models(database_url):
    command.upgrade(alembic_config(database_url), "head")
    engine = create_engine(database_url)
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert differences == []


def test_every_revision_upgrades_and_downgrades(database_url):
    config = alembic_config(database_url)
    for revision in revisions(database_url):
        command.upgrade(config, revision.revision)
        command.downgrade(config, revision.down_revision or "base")
        command.upgrade(config, revision.revision)
    command.downgrade(config, "base")
    assert table_names(database_url) <= {"alembic_version"}
    command.upgrade(config, "head")
    assert "workbooks" in table_names(database_url)


def test_db_upgrade_command_builds_the_schema_on_an_empty_database(app, runner, sqlite_url):
    command.downgrade(alembic_config(sqlite_url), "base")  # the fixture's app upgraded it
    assert table_names(sqlite_url) <= {"alembic_version"}
    result = runner.invoke(args=["db", "upgrade"])
    assert result.exit_code == 0, result.output
    assert {"workbooks", "daily_counts", "weekly_answers"} <= table_names(sqlite_url)
    head = ScriptDirectory.from_config(alembic_config(sqlite_url)).get_current_head()
    engine = create_engine(sqlite_url)
    with engine.connect() as connection:
        assert MigrationContext.configure(connection).get_current_revision() == head
    engine.dispose()
