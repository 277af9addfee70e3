"""A portal with guided support on, its team key made and one counsellor account."""

from __future__ import annotations

import pytest

from app.db import ENGINE
from tests.support.apps import make_app
from tests.support.guided import enable, set_up_team


@pytest.fixture
def guided_app(database_url, tmp_path):
    application = make_app(database_url, tmp_path, **enable())
    yield application
    ENGINE.of(application).dispose()


@pytest.fixture
def totp_secret(guided_app):
    return set_up_team(guided_app)
