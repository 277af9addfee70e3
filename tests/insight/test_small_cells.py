"""Small cells on the boundary: with ``min_cell`` 3, a figure of 2 is hidden everywhere (no
exact figure, no meter, no bar) and a figure of 3 is shown, in every format a host can read."""

from __future__ import annotations

import json
import re

import pytest

from app.insight.password import hash_password
from tests.support.visitor import check_in

PASSWORD = "correct horse battery"
MIN_CELL = 3
SHOWN, HIDDEN = MIN_CELL, MIN_CELL - 1


@pytest.fixture
def boundary(app_factory, sqlite_url, tmp_path, monkeypatch):
    """thinking read MIN_CELL times, choosing MIN_CELL - 1 times; urges 2 reported MIN_CELL
    times, urges 7 MIN_CELL - 1 times; all in the last finished week (the current one is never
    reported)."""
    from datetime import date, timedelta

    from app.insight import counting
    from app.weeks import monday

    monkeypatch.setattr(counting, "today", lambda: monday(date.today()) - timedelta(days=3))
    app = app_factory(
        sqlite_url,
        tmp_path,
        insight={
            "flush_seconds": 0,
            "min_cell": MIN_CELL,
            "password_hash": hash_password(PASSWORD),
        },
    )
    reader = app.test_client()
    for step, times in (("thinking", SHOWN), ("choosing", HIDDEN)):
        for _ in range(times):
            reader.get(
                f"/en/modules/sample/{step}", follow_redirects=True
            )  # counted on every request, cached or not
    for urges, times in (("2", SHOWN), ("7", HIDDEN)):
        for _ in range(times):
            assert check_in(app.test_client(), urges__answer=urges).status_code in (200, 303)
    return app


def admin_page(app) -> str:
    page = app.test_client().get("/admin/insight", auth=("admin", PASSWORD))
    assert page.status_code == 200
    return page.text


def table_row(page: str, label: str) -> str:
    rows = re.findall(r"<tr><th scope=\"row\">[^<]*</th>.*?</tr>", page, re.DOTALL)
    found = [row for row in rows if f">{label}</th>" in row]
    assert len(found) == 1, (label, rows)
    return found[0]


def test_the_admin_table_hides_min_cell_minus_one_and_shows_min_cell(boundary):
    page = admin_page(boundary)
    hidden = table_row(page, "step_viewed · en · sample · choosing")
    shown = table_row(page, "step_viewed · en · sample · thinking")
    assert f"<td>&lt;{MIN_CELL}</td>" in hidden
    assert "<meter" not in hidden
    assert not re.search(rf"\b{HIDDEN}\b", hidden.replace(f"&lt;{MIN_CELL}", ""))
    assert f"<td>{SHOWN}</td>" in shown
    assert re.search(rf'<meter min="0" max="\d+" value="{SHOWN}">{SHOWN}</meter>', shown)
    assert page.count("<meter") == sum(
        1
        for row in re.findall(r"<tr><th scope=\"row\">.*?</tr>", page, re.DOTALL)
        if "<meter" in row
    )


def test_the_admin_chart_draws_no_bar_or_figure_for_a_hidden_cell(boundary):
    page = admin_page(boundary)
    week = re.search(r'id="chart-urges-(\d{4}-W\d{2})"', page).group(1)
    chart = page.split(f'id="chart-urges-{week}"')[1].split("</svg>")[0]
    table = page.split(f'id="chart-urges-{week}"')[1].split("</svg>")[1].split("</table>")[0]
    rows = dict(re.findall(r'<tr><th scope="row">(\d+)</th><td>([^<]+)</td></tr>', table))
    assert rows["2"] == str(SHOWN)
    assert rows["7"] == f"&lt;{MIN_CELL}"
    assert chart.count('<rect class="chart-bar"') == 1  # the shown cell's bar only
    values = re.findall(r'<text class="chart-value( hidden-cell)?"[^>]*>([^<]*)</text>', chart)
    hidden_values = [text for hidden, text in values if hidden]
    assert hidden_values
    assert all(text == f"&lt;{MIN_CELL}" for text in hidden_values)
    assert str(SHOWN) in [text for hidden, text in values if not hidden]
    per_week = page.split('id="chart-check-ins"')[1].split("</table>")[0]
    assert f"<td>{SHOWN + HIDDEN}</td>" in per_week  # five check-ins this week: shown


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_the_report_command_hides_min_cell_minus_one_and_shows_min_cell(boundary, fmt):
    result = boundary.test_cli_runner().invoke(args=["insight", "report", "--format", fmt])
    assert result.exit_code == 0, result.output
    if fmt == "json":
        data = json.loads(result.output)
        figures = {
            row["step"]: row["count"] for row in data["events"] if row["event"] == "step_viewed"
        }
        rulers = {
            row["value"]: row["count"] for row in data["rulers"] if row["ruler"] == "check-in/urges"
        }
    else:
        lines = result.output.splitlines()
        figures = {
            step: line.replace(",", " ").split()[-1]
            for line in lines
            for step in ("thinking", "choosing")
            if "step_viewed" in line and step in line
        }
        rulers = {
            answer: line.replace(",", " ").split()[-1]
            for line in lines
            for answer in ("2", "7")
            if "check-in/urges" in line and re.search(rf"[ ,]{answer}[ ,]", line)
        }
    assert figures == {"thinking": str(SHOWN), "choosing": f"<{MIN_CELL}"}
    assert rulers == {"2": str(SHOWN), "7": f"<{MIN_CELL}"}
