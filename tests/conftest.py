"""Fixtures in the style of Flask's tutorial: app, client, runner; plus both database back ends."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from sqlalchemy import create_engine, inspect, text

from app import create_app
from app.migrate import upgrade
from tests.support.postgres import PostgresServer

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_CONTENT = Path(__file__).parent / "fixtures" / "content"
SHIPPED_CONTENT = ROOT / "content"
REQUIRE_ALL = os.environ.get("RUMBO_REQUIRE_ALL_SUITES") == "1"


def missing(what: str) -> None:
    """Skip on a developer's machine without it; fail in CI, where everything must run."""
    if REQUIRE_ALL:
        pytest.fail(f"{what} is required in CI (RUMBO_REQUIRE_ALL_SUITES=1)")
    pytest.skip(f"{what} is not installed; run `make test` as root to install it")


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


class ClosingClient(FlaskClient):
    """Closes each response as a real server does, so call_on_close work (writing counts) runs,
    and says where its requests come from as every current browser does (Sec-Fetch-Site)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.environ_base.setdefault("HTTP_SEC_FETCH_SITE", "same-origin")

    def open(self, *args, **kwargs):
        kwargs.setdefault("buffered", True)
        return super().open(*args, **kwargs)


def make_app(database_url: str, tmp_path: Path, content: Path = FIXTURE_CONTENT, **config):
    overrides = {
        "environment": "test",
        "database_url": database_url,
        "content_dir": str(content),
        "secret_key": "test-secret-key-that-is-long-enough-1234567890",
        "insight": {"flush_seconds": 0},  # write counts after every request
        **config,
    }
    os.environ["RUMBO_INSTANCE_DIR"] = str(tmp_path / "instance")
    try:
        app = create_app(overrides)
    finally:
        del os.environ["RUMBO_INSTANCE_DIR"]
    upgrade(database_url)
    app.test_client_class = ClosingClient
    return app


@pytest.fixture
def app(sqlite_url, tmp_path):
    """The portal on the small fixture content, which uses every exercise type."""
    application = make_app(sqlite_url, tmp_path)
    yield application
    application.extensions["rumbo.engine"].dispose()


@pytest.fixture
def any_db_app(database_url, tmp_path):
    """The same portal, once per database back end."""
    application = make_app(database_url, tmp_path)
    yield application
    application.extensions["rumbo.engine"].dispose()


@pytest.fixture
def shipped_app(sqlite_url, tmp_path):
    """The portal with the curriculum as shipped in content/."""
    application = make_app(sqlite_url, tmp_path, content=SHIPPED_CONTENT)
    yield application
    application.extensions["rumbo.engine"].dispose()


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


def table_names(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()
