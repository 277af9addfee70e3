"""Wrong admin passwords never lock the host out: the admin password's scrypt waits for the same
few stretching slots as a resume (a queue, not a refusal), and nothing counts failures."""

from __future__ import annotations

import hashlib
import threading

import pytest

from app.insight.password import _b64
from app.privacy.work_gate import WORK_GATE

PASSWORD = "correct horse battery"
WRONG, IN_PARALLEL = 70, 5


def cheap_hash(password: str) -> str:
    """A hash with small scrypt parameters (each hash records its own), to keep the test fast."""
    salt = b"0123456789abcdef"
    digest = hashlib.scrypt(password.encode(), salt=salt, n=2**10, r=8, p=1, dklen=32)
    return f"scrypt${2**10}$8$1${_b64(salt)}${_b64(digest)}"


@pytest.fixture
def admin_app(app_factory, sqlite_url, tmp_path):
    return app_factory(sqlite_url, tmp_path, insight={"password_hash": cheap_hash(PASSWORD)})


def login(app, password: str) -> int:
    return app.test_client().get("/admin/insight", auth=("admin", password)).status_code


def test_after_70_wrong_passwords_some_in_parallel_a_correct_login_succeeds(admin_app):
    statuses: list[int] = []

    def guess(worker: int) -> None:
        for n in range(WRONG // IN_PARALLEL):
            statuses.append(login(admin_app, f"wrong password {worker} {n}"))

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(IN_PARALLEL)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [401] * WRONG
    for _ in range(3):
        assert login(admin_app, PASSWORD) == 200


def test_the_admin_password_check_waits_for_a_stretching_slot(admin_app):
    gate = WORK_GATE.of(admin_app)
    gate.slots, gate.max_wait = 1, 0.05
    with gate.turn():  # every slot taken, as by a flood of guesses
        assert login(admin_app, PASSWORD) == 503
    assert login(admin_app, PASSWORD) == 200
