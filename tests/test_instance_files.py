"""Every file the portal creates under instance/ is readable by its own user only (issue 21,
row 16): the development key, the SQLite database with its -wal and -shm files, the work-gate
slots. Whatever the process's umask."""

from __future__ import annotations

import os
import stat

from app import create_app
from app.context import SETTINGS
from app.db import ENGINE
from app.migrate import upgrade
from tests.support.apps import FIXTURE_CONTENT, ClosingClient
from tests.support.visitor import answer


def test_files_under_instance_are_created_for_the_owner_only(tmp_path):
    instance = tmp_path / "instance"
    old = os.umask(0o022)  # a usual default: files 0644 unless created otherwise
    try:
        app = create_app(
            {"environment": "development", "content_dir": str(FIXTURE_CONTENT),
             "instance_dir": str(instance)}
        )  # fmt: skip
        upgrade(SETTINGS.of(app).database_url)
        app.test_client_class = ClosingClient
        visitor = app.test_client()
        assert answer(visitor).status_code == 303
        visitor.post("/en/resume", data={"passphrase": "words that open nothing"})
        made = {path.relative_to(instance).as_posix(): path for path in instance.rglob("*")}
        assert {"dev-secret-key", "rumbo.db", "rumbo.db-wal"} <= set(made)
        assert any(name.startswith("work-slots/") for name in made)
        for name, path in made.items():
            mode = stat.S_IMODE(path.stat().st_mode)
            assert mode & 0o077 == 0, f"instance/{name} is {oct(mode)}"
        ENGINE.of(app).dispose()
    finally:
        os.umask(old)
