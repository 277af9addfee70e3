"""The portal in preview mode (as `make preview` runs it) over a writable copy of the content."""

from __future__ import annotations

import pytest

from app.db import ENGINE
from tests.support.apps import make_app


@pytest.fixture
def preview_app(sqlite_url, tmp_path, content_copy):
    application = make_app(sqlite_url, tmp_path, content=content_copy, preview=True)
    yield application
    ENGINE.of(application).dispose()


@pytest.fixture
def preview(preview_app):
    return preview_app.test_client()
