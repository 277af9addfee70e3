"""Two real gunicorn instances on one real PostgreSQL behave as one portal (issue 18).

Each instance has its own instance folder (page cache, render cache, its own files) and
shares only the database and the secret key, as docs/deploy.md's "More than one server" says.
"""

from __future__ import annotations

import re
import secrets
import subprocess
import sys
import threading
import time
from datetime import date, timedelta

import pytest
from sqlalchemy import create_engine, func, select, update

from app.curriculum.selfcheck import FILE_NAME as SELF_CHECK_FILE
from app.insight.model import DailyCount
from app.migrate import upgrade
from app.workbook.model import WorkbookRow
from tests.conftest import _reset_postgres
from tests.support.apps import ROOT, SHIPPED_CONTENT, missing
from tests.support.gunicorn import gunicorn, wait_for_first_purge
from tests.support.http import HttpVisitor
from tests.support.nginx import nginx, nginx_binary, round_robin

pytestmark = [pytest.mark.slow, pytest.mark.postgres]
SAVES = 20


@pytest.fixture(scope="module")
def portal(postgres_url, tmp_path_factory):
    """Instances A and B, 2 workers each, counts written after every request."""
    _reset_postgres(postgres_url)
    upgrade(postgres_url)
    folder = tmp_path_factory.mktemp("two-instances")
    config = folder / "rumbo.toml"
    config.write_text("[insight]\nflush_seconds = 0\n")
    key = secrets.token_urlsafe(48)
    extra = {"RUMBO_CONFIG": str(config)}
    with (
        gunicorn(folder / "a", postgres_url, key, extra_env=extra) as a,
        gunicorn(folder / "b", postgres_url, key, extra_env=extra) as b,
    ):
        for instance in (a, b):  # their own purge at start must not race the purge test
            wait_for_first_purge(instance)
        yield a.base, b.base, postgres_url, (a.log, b.log)


def reflections(count: int) -> list[tuple[str, str, str]]:
    """(module, step, exercise) of ``count`` free-text exercises of the shipped curriculum."""
    found = []
    for path in sorted((SHIPPED_CONTENT / "en").glob("*.md")):
        if path.name == SELF_CHECK_FILE:  # questions and rules, not a module
            continue
        text = path.read_text(encoding="utf-8")
        slug = re.search(r"^slug: (\S+)", text, re.M).group(1)
        step = ""
        for line in text.splitlines():
            if heading := re.match(r"## .*\{#([\w-]+)\}", line):
                step = heading.group(1)
            elif exercise := re.match(r"id: ([\w-]+)", line):
                found.append((slug, step, exercise.group(1), path))
    free_text = [
        (slug, step, exercise)
        for slug, step, exercise, path in found
        if re.search(rf"id: {exercise}\ntype: reflection", path.read_text(encoding="utf-8"))
    ]
    assert len(free_text) >= count
    return free_text[:count]


EVERY_ANSWER = "/en/workbook/workbook.md"  # the complete copy (the workbook page: an overview)


def answer(visitor: HttpVisitor, target, text: str, base: str) -> int:
    module, step, exercise = target
    status, _ = visitor.request(
        f"/en/modules/{module}/{step}", {f"{exercise}.answer": text, "then": "stay"}, base=base
    )
    return status


def passphrase_from(page: str) -> str:
    return re.search(r'class="passphrase"[^>]*><strong>([^<]+)<', page).group(1)


def test_a_workbook_made_on_one_instance_opens_on_the_other(portal):
    a, b, _, _ = portal
    visitor = HttpVisitor(a)
    target = reflections(1)[0]
    assert answer(visitor, target, "written on instance A", base=a) == 200
    status, workbook = visitor.request(EVERY_ANSWER, base=b)
    assert status == 200
    assert "written on instance A" in workbook


def test_keep_on_one_resume_on_the_other_delete_and_it_is_gone_everywhere(portal):
    a, b, _, _ = portal
    visitor = HttpVisitor(a)
    assert answer(visitor, reflections(1)[0], "kept across instances", base=a) == 200
    status, kept = visitor.request("/en/workbook/keep", {}, base=a)
    assert status == 200
    phrase = passphrase_from(kept)

    elsewhere = HttpVisitor(b)
    status, _ = elsewhere.request("/en/resume", {"passphrase": phrase}, base=b)
    assert status == 200
    assert "kept across instances" in elsewhere.request(EVERY_ANSWER, base=b)[1]

    status, _ = elsewhere.request("/en/workbook/delete", {"confirm": "yes"}, base=b)
    assert status == 200
    for base in (a, b):
        status, page = HttpVisitor(base).request("/en/resume", {"passphrase": phrase})
        assert status == 400, base
        status, page = visitor.request(EVERY_ANSWER, base=base)  # the old cookie, too
        assert "kept across instances" not in page


def test_twenty_saves_at_once_across_both_instances_keep_all_twenty(portal):
    a, b, _, _ = portal
    targets = reflections(SAVES + 1)
    first = HttpVisitor(a)
    assert answer(first, targets[0], "opening answer", base=a) == 200
    start = threading.Barrier(SAVES)
    statuses: list[int] = []

    def save(number: int, target) -> None:
        visitor = HttpVisitor(a)
        for cookie in first.jar:
            visitor.jar.set_cookie(cookie)
        start.wait()
        statuses.append(
            answer(visitor, target, f"answer {number} to {target[2]}", (a, b)[number % 2])
        )

    threads = [
        threading.Thread(target=save, args=(number, target))
        for number, target in enumerate(targets[1:])
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert statuses == [200] * SAVES
    _, markdown = first.request("/en/workbook/workbook.md", base=b)
    for number, target in enumerate(targets[1:]):
        assert f"answer {number} to {target[2]}" in markdown


def test_wrong_guesses_on_both_instances_lock_nobody_out_of_either(portal):
    a, b, _, _ = portal
    visitor = HttpVisitor(a)
    assert answer(visitor, reflections(1)[0], "guarded", base=a) == 200
    _, kept = visitor.request("/en/workbook/keep", {}, base=a)
    phrase = passphrase_from(kept)
    attacker = HttpVisitor(a)
    for number in range(40):  # more than the old global lockout's 30 a minute
        status, _ = attacker.request(
            "/en/resume", {"passphrase": f"wrong guess {number}"}, base=(a, b)[number % 2]
        )
        assert status == 400
    for base in (a, b):
        resumed = HttpVisitor(base)
        status, _ = resumed.request("/en/resume", {"passphrase": phrase})
        assert status == 200, base
        assert "guarded" in resumed.request(EVERY_ANSWER)[1]


def help_views(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            total = connection.execute(
                select(func.coalesce(func.sum(DailyCount.count), 0)).where(
                    DailyCount.event == "help_viewed", DailyCount.day == date.today()
                )
            ).scalar_one()
    finally:
        engine.dispose()
    return int(total)


def test_counts_from_both_instances_add_up_exactly(portal):
    a, b, url, _ = portal
    before = help_views(url)
    for _ in range(7):
        assert HttpVisitor(a).request("/en/help")[0] == 200
    for _ in range(5):
        assert HttpVisitor(b).request("/es/help")[0] == 200
    # Each count is written once its response is sent (counting.py, call_on_close): give the
    # last one its moment, then the total must be exact, neither short nor over.
    deadline = time.monotonic() + 10
    while help_views(url) < before + 12 and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.2)  # a count written twice would arrive now
    assert help_views(url) == before + 12


def purge(url: str) -> subprocess.Popen:
    env = {"PATH": "/usr/bin:/bin", "DATABASE_URL": url, "RUMBO_ENV": "development",
           "RUMBO_CONTENT_DIR": str(SHIPPED_CONTENT)}  # fmt: skip
    return subprocess.Popen(
        [sys.executable, "-m", "flask", "--app", "app", "workbook", "purge"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def test_purge_on_two_instances_at_once_deletes_each_expired_workbook_once(portal, tmp_path):
    a, b, url, _ = portal
    for base in (a, b, a):
        assert answer(HttpVisitor(base), reflections(1)[0], "to be purged", base=base) == 200
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            expired = connection.execute(
                update(WorkbookRow)
                .where(WorkbookRow.kept.is_(False))
                .values(last_used=date.today() - timedelta(days=3))
            ).rowcount
        runs = [purge(url), purge(url)]
        outputs = [run.communicate(timeout=120) for run in runs]
        assert [run.returncode for run in runs] == [0, 0], outputs
        deleted = [int(out.split()[0]) for out, _ in outputs]
        assert sum(deleted) == expired  # every expired workbook deleted, none counted twice
        with engine.connect() as connection:
            left = connection.execute(
                select(func.count()).select_from(WorkbookRow).where(WorkbookRow.kept.is_(False))
            ).scalar_one()
        assert left == 0
    finally:
        engine.dispose()


def test_neither_instance_needs_a_control_socket_or_logs_an_error(portal):
    for log in portal[3]:
        output = log.read_text(encoding="utf-8", errors="replace")
        assert "Booting worker" in output
        assert "Traceback" not in output
        assert "ctl" not in output.lower()


def test_a_visitor_behind_a_round_robin_load_balancer_loses_nothing(portal):
    if nginx_binary() is None:
        missing("nginx (Debian package nginx)")
    a, b, _, _ = portal
    http, server = round_robin(a.removeprefix("http://"), b.removeprefix("http://"))
    with nginx(server, http=http) as balancer:
        front = balancer.base
        visitor = HttpVisitor(front)
        targets = reflections(4)
        for number, target in enumerate(targets):  # each request may reach either instance
            assert answer(visitor, target, f"through the balancer {number}", base=front) == 200
        status, kept = visitor.request("/en/workbook/keep", {})
        assert status == 200
        phrase = passphrase_from(kept)
        for _ in range(2):  # resume twice: once on each instance, in turn
            resumed = HttpVisitor(front)
            status, _ = resumed.request("/en/resume", {"passphrase": phrase})
            assert status == 200
            workbook = resumed.request(EVERY_ANSWER)[1]
            for number in range(len(targets)):
                assert f"through the balancer {number}" in workbook
        served = balancer.upstreams_used()
    assert served == {a.removeprefix("http://"), b.removeprefix("http://")}
