"""On PostgreSQL, no system column pairs one person's answers or orders cell updates: each cell
is written in its own transaction (so the rulers of one check-in never share an ``xmin``), and
the purge rewrites the count tables into a fresh file in key order, all rows under one ``xmin``
(docs/insight.md says what a database administrator can still learn)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from app.db import ENGINE
from tests.support.visitor import check_in

pytestmark = pytest.mark.postgres
TABLES = {
    "daily_counts": "day, locale, module, step, event",
    "weekly_answers": "week, locale, question, answer",
}


@pytest.fixture
def pg_app(app_factory, postgres_url, tmp_path):
    from tests.conftest import _reset_postgres

    _reset_postgres(postgres_url)
    return app_factory(postgres_url, tmp_path)


def system_columns(app, table: str) -> list[tuple[str, str]]:
    """(xmin, key) of every row, in the order the rows lie in the table file."""
    with ENGINE.of(app).connect() as connection:
        found = connection.execute(
            text(f"SELECT xmin::text, concat_ws('|', {TABLES[table]}) FROM {table} ORDER BY ctid")
        ).all()
    return [tuple(row) for row in found]


def key_order(app, table: str) -> list[str]:
    with ENGINE.of(app).connect() as connection:
        found = connection.execute(
            text(f"SELECT concat_ws('|', {TABLES[table]}) FROM {table} ORDER BY {TABLES[table]}")
        ).scalars()
        return list(found)


def test_the_rulers_of_one_check_in_never_share_an_xmin(pg_app):
    # Values chosen so that key order (question, then answer) differs from the form's order.
    response = check_in(
        pg_app.test_client(), importance__answer="9", confidence__answer="2", urges__answer="5"
    )
    assert response.status_code == 303
    rulers = [row for row in system_columns(pg_app, "weekly_answers") if "check-in/" in row[1]]
    assert len(rulers) == 3
    assert len({xmin for xmin, _ in rulers}) == 3, "one transaction pairs one person's rulers"
    # Where the rows lie follows key order, not the order the visitor answered in.
    assert [key for _, key in rulers] == sorted(key for _, key in rulers)


def test_after_the_purge_every_count_row_has_one_xmin_and_lies_in_key_order(pg_app):
    for values in (("9", "2", "5"), ("1", "7", "0"), ("9", "7", "3")):
        importance, confidence, urges = values
        check_in(
            pg_app.test_client(),
            importance__answer=importance,
            confidence__answer=confidence,
            urges__answer=urges,
        )
        pg_app.test_client().get("/en/help")
    before = {table: system_columns(pg_app, table) for table in TABLES}
    assert pg_app.test_cli_runner().invoke(args=["workbook", "purge"]).exit_code == 0
    for table in TABLES:
        after = system_columns(pg_app, table)
        assert sorted(key for _, key in after) == sorted(key for _, key in before[table])
        assert len({xmin for xmin, _ in after}) == 1, f"{table}: xmin still tells rows apart"
        assert [key for _, key in after] == key_order(pg_app, table), table
