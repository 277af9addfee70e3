"""The app as tests build it: on a chosen database and content folder, with a test client that
behaves like a current browser. Imported by the fixtures in tests/conftest.py and by tests."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import create_engine, inspect

from app import create_app
from app.db import ENGINE
from app.migrate import upgrade

ROOT = Path(__file__).resolve().parents[2]
FIXTURE_CONTENT = ROOT / "tests" / "fixtures" / "content"
SHIPPED_CONTENT = ROOT / "content"
REQUIRE_ALL = os.environ.get("RUMBO_REQUIRE_ALL_SUITES") == "1"


def missing(what: str) -> None:
    """Skip on a developer's machine without it; fail in CI, where everything must run."""
    if REQUIRE_ALL:
        pytest.fail(f"{what} is required in CI (RUMBO_REQUIRE_ALL_SUITES=1)")
    pytest.skip(f"{what} is not installed; run `make test` as root to install it")


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
        "instance_dir": str(tmp_path / "instance"),
        **config,
    }
    app = create_app(overrides)
    upgrade(database_url)
    app.test_client_class = ClosingClient
    return app


@contextmanager
def built_app(
    database_url: str, tmp_path: Path, content: Path = FIXTURE_CONTENT, **config
) -> Iterator[Flask]:
    """``make_app``, with the app's database connections closed when the block ends."""
    app = make_app(database_url, tmp_path, content, **config)
    try:
        yield app
    finally:
        ENGINE.of(app).dispose()


def table_names(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()
