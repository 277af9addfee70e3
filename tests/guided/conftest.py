"""A portal with guided support on, its team key made and one counsellor account."""

from __future__ import annotations

import pytest

from tests.support.guided import enable, set_up_team


@pytest.fixture
def guided_app(app_factory, database_url, tmp_path):
    return app_factory(database_url, tmp_path, **enable())


@pytest.fixture
def totp_secret(guided_app):
    return set_up_team(guided_app)
