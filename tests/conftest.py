"""Fixtures in the style of Flask's tutorial: app, client, runner; plus both database back ends."""

from __future__ import annotations

import itertools
import shutil
from contextlib import ExitStack

import pytest
from sqlalchemy import create_engine, text

from tests.support.apps import FIXTURE_CONTENT, SHIPPED_CONTENT, built_app, missing
from tests.support.postgres import PostgresServer
from tests.support.translations import compile_catalogues


@pytest.fixture(scope="session", autouse=True)
def compiled_translations():
    """`pytest` alone works as `make test` does: the .mo files are built, never committed."""
    compile_catalogues()


@pytest.fixture(scope="session")
def postgres_url():
    server = PostgresServer()
    if not server.available:
        missing("PostgreSQL (Debian package postgresql)")
    url = server.start()
    yield url
    server.stop()


def _reset_postgres(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request, tmp_path):
    """Each test that uses this runs once on SQLite and once on a real PostgreSQL server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'rumbo.db'}"
    url = request.getfixturevalue("postgres_url")
    _reset_postgres(url)
    return url


@pytest.fixture
def sqlite_url(tmp_path):
    return f"sqlite:///{tmp_path / 'rumbo.db'}"


@pytest.fixture
def app(sqlite_url, tmp_path):
    """The portal on the small fixture content, which uses every exercise type."""
    with built_app(sqlite_url, tmp_path) as application:
        yield application


@pytest.fixture
def any_db_app(database_url, tmp_path):
    """The same portal, once per database back end."""
    with built_app(database_url, tmp_path) as application:
        yield application


@pytest.fixture
def shipped_app(sqlite_url, tmp_path):
    """The portal with the curriculum as shipped in content/."""
    with built_app(sqlite_url, tmp_path, content=SHIPPED_CONTENT) as application:
        yield application


@pytest.fixture
def app_factory(tmp_path):
    """Builds portals as ``make_app`` does, as many as a test needs, each closed when the test
    ends; called without a database address, each gets a SQLite file and folder of its own."""
    numbers = itertools.count()
    with ExitStack() as stack:

        def build(database_url=None, folder=None, *args, **config):
            if database_url is None:
                folder = tmp_path / f"app{next(numbers)}"
                folder.mkdir()
                database_url = f"sqlite:///{folder / 'rumbo.db'}"
            return stack.enter_context(built_app(database_url, folder, *args, **config))

        yield build


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def content_copy(tmp_path):
    """A writable copy of the fixture content, for tests that break it on purpose."""
    target = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, target)
    return target
