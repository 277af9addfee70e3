"""Each action is counted once, as a daily total with no identifier; pages never depend on it."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlalchemy import create_engine, inspect, select, text

from app.context import SETTINGS
from app.db import ENGINE
from app.insight import counting
from app.insight.counting import TALLY
from app.insight.model import DailyCount, WeeklyAnswer
from app.insight.password import hash_password
from app.weeks import monday as week_of
from tests.support.visitor import answer, keep


def counts(app) -> dict[tuple[str, str, str, str], int]:
    with ENGINE.of(app).connect() as connection:
        rows = connection.execute(select(DailyCount)).all()
    return {(r.locale, r.module, r.step, r.event): r.count for r in rows}


def answers(app) -> dict[tuple[str, str], int]:
    with ENGINE.of(app).connect() as connection:
        rows = connection.execute(select(WeeklyAnswer)).all()
    assert all(r.week == week_of(date.today()) for r in rows)
    return {(r.question, r.answer): r.count for r in rows}


def test_each_event_is_counted_exactly_once_per_action(any_db_app):
    visitor = any_db_app.test_client()
    visitor.get("/en/m/1/1")
    visitor.get("/en/m/1/1")
    visitor.get("/es/help")
    answer(visitor)
    visitor.get("/en/m/1/done")
    phrase = keep(visitor)
    any_db_app.test_client().post("/en/resume", data={"passphrase": phrase})
    visitor.get("/en/modules/")  # not an event
    assert counts(any_db_app) == {
        ("en", "sample", "thinking", "step_viewed"): 2,
        ("es", "", "", "help_viewed"): 1,
        ("en", "sample", "thinking", "exercise_answered"): 1,
        ("en", "sample", "", "module_completed"): 1,
        ("en", "", "", "workbook_kept"): 1,
        ("en", "", "", "workbook_resumed"): 1,
    }


def test_the_count_tables_have_no_column_that_could_identify_anyone(any_db_app):
    engine = create_engine(SETTINGS.of(any_db_app).database_url)
    columns = {
        table: {c["name"] for c in inspect(engine).get_columns(table)}
        for table in ("daily_counts", "weekly_answers")
    }
    engine.dispose()
    assert columns == {
        "daily_counts": {"day", "locale", "module", "step", "event", "count"},
        "weekly_answers": {"week", "locale", "question", "answer", "count"},
    }


def test_rulers_are_counted_as_distributions_once_per_workbook(app):
    one, two = app.test_client(), app.test_client()
    answer(one, exercise="ready", answer="3")
    answer(one, exercise="ready", answer="9")  # a change is not a second data point
    answer(two, exercise="ready", answer="3")
    answer(one)  # a reflection: never counted as an answer
    assert answers(app) == {("ruler:sample/ready", "3"): 2}


def test_outcome_answers_are_counted_and_forgeries_refused(app):
    visitor = app.test_client()
    page = visitor.get("/en/m/2/done").text  # the last module asks the questions
    assert 'name="behaviour" value="decreased"' in page
    assert "Four short questions" not in visitor.get("/en/m/1/done").text
    response = visitor.post(
        "/en/outcomes",
        data={"helpful": "very", "behaviour": "decreased", "confidence": "8", "professional": ""},
    )
    assert response.status_code == 200
    assert "Thank you" in response.text
    assert "Set-Cookie" not in response.headers
    for forged in (
        {"helpful": "amazing"},
        {"mood": "fine"},
        {"confidence": "11"},
        {"helpful": ["very", "not"]},
    ):
        assert visitor.post("/en/outcomes", data=forged).status_code == 400
    assert answers(app) == {
        ("helpful", "very"): 1,
        ("behaviour", "decreased"): 1,
        ("confidence", "8"): 1,
    }
    assert counts(app)[("en", "", "", "outcomes_answered")] == 1


def test_pages_render_when_the_counts_table_is_missing(app):
    with ENGINE.of(app).begin() as connection:
        connection.execute(text("DROP TABLE daily_counts"))
    visitor = app.test_client()
    assert visitor.get("/en/m/1/1").status_code == 200
    assert visitor.get("/en/help").status_code == 200
    assert answer(visitor).status_code == 303


def test_counts_are_batched_when_an_interval_is_set(app_factory, tmp_path, sqlite_url):
    app = app_factory(sqlite_url, tmp_path, insight={"flush_seconds": 300})
    visitor = app.test_client()
    for _ in range(3):
        visitor.get("/en/m/1/1")
    assert counts(app) == {}  # still in memory
    TALLY.of(app).flush()
    assert counts(app) == {("en", "sample", "thinking", "step_viewed"): 3}


@pytest.fixture
def reporting_app(app_factory, tmp_path, sqlite_url, monkeypatch):
    # Counted in the last finished week: the current one is never reported.
    monkeypatch.setattr(counting, "today", lambda: week_of(date.today()) - timedelta(days=3))
    app = app_factory(
        sqlite_url,
        tmp_path,
        insight={
            "flush_seconds": 0,
            "min_cell": 3,
            "password_hash": hash_password("correct horse battery"),
        },
    )
    visitor = app.test_client()
    for _ in range(4):
        visitor.get("/en/m/1/1")
    visitor.get("/en/m/1/2")
    return app


def test_report_hides_small_cells_in_every_format(reporting_app):
    runner = reporting_app.test_cli_runner()
    table = runner.invoke(args=["insight", "report"])
    assert table.exit_code == 0
    assert "step_viewed  en      sample  thinking  4" in table.output
    assert "step_viewed  en      sample  choosing  <3" in table.output
    csv_output = runner.invoke(args=["insight", "report", "--format", "csv"]).output
    assert "events,step_viewed,en,sample,choosing,<3" in csv_output
    assert "events,step_viewed,en,sample,thinking,4" in csv_output
    data = json.loads(runner.invoke(args=["insight", "report", "--format", "json"]).output)
    assert {
        "event": "step_viewed",
        "locale": "en",
        "module": "sample",
        "step": "choosing",
        "count": "<3",
    } in data["events"]
    assert data["min_cell"] == 3


def test_report_period_filters(reporting_app):
    runner = reporting_app.test_cli_runner()
    result = runner.invoke(args=["insight", "report", "--week", "2020-W10"])
    assert result.exit_code == 0
    assert "week 2020-W10: 2020-03-02 to 2020-03-08" in result.output
    assert "(none)" in result.output


@pytest.mark.parametrize(
    "args",
    [
        ["--week", "yesterday"],
        ["--week", "2026-W54"],
        ["--week", "2026-11-30"],
        ["--format", "xml"],
        ["--from", "2026-01-01"],  # arbitrary ranges are gone: they could be subtracted
    ],
)
def test_report_rejects_bad_arguments_with_exit_code_2(reporting_app, args):
    result = reporting_app.test_cli_runner().invoke(args=["insight", "report", *args])
    assert result.exit_code == 2


def test_admin_page_needs_the_password(reporting_app):
    client = reporting_app.test_client()
    anonymous = client.get("/admin/insight")
    assert anonymous.status_code == 401
    assert anonymous.headers["WWW-Authenticate"].startswith("Basic")
    assert client.get("/admin/insight", auth=("admin", "wrong")).status_code == 401
    page = client.get("/admin/insight", auth=("admin", "correct horse battery"))
    assert page.status_code == 200
    assert "<meter" in page.text
    assert "&lt;3" in page.text
    assert page.headers["Cache-Control"] == "no-store"
    assert (
        client.get(
            "/admin/insight?week=nonsense", auth=("admin", "correct horse battery")
        ).status_code
        == 400
    )


def test_without_a_password_the_admin_page_does_not_exist(client):
    assert client.get("/admin/insight").status_code == 404
    assert client.get("/admin/insight", auth=("admin", "anything")).status_code == 404


def test_hash_password_command(runner):
    result = runner.invoke(
        args=["insight", "hash-password"], input="a long enough secret\na long enough secret\n"
    )
    assert result.exit_code == 0
    assert result.output.strip().splitlines()[-1].startswith("scrypt$131072$8$1$")
    assert runner.invoke(args=["insight", "hash-password"], input="short\nshort\n").exit_code == 2


def test_admin_password_hashes_follow_current_guidance_and_old_ones_still_verify():
    import hashlib

    from app.insight.password import _b64, verify_password

    n, r, p = hash_password("a long admin password").split("$")[1:4]
    assert (int(n), int(r), int(p)) == (2**17, 8, 1)
    salt = b"0123456789abcdef"
    digest = hashlib.scrypt(b"older", salt=salt, n=2**15, r=8, p=1, maxmem=2**26, dklen=32)
    old = f"scrypt${2**15}$8$1${_b64(salt)}${_b64(digest)}"
    assert verify_password("older", old)
    assert not verify_password("wrong", old)
