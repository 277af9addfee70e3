"""The portal in preview mode (as `make preview` runs it) over a writable copy of the content."""

from __future__ import annotations

import pytest


@pytest.fixture
def preview_app(app_factory, sqlite_url, tmp_path, content_copy):
    return app_factory(sqlite_url, tmp_path, content=content_copy, preview=True)


@pytest.fixture
def preview(preview_app):
    return preview_app.test_client()
