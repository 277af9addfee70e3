"""The calendar reminder: a text/calendar file made on request, with nothing stored."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.support.visitor import dump_database


@pytest.mark.parametrize("weeks", [1, 2, 4])
def test_the_reminder_downloads_as_a_calendar_file_and_nothing_is_stored(app, sqlite_url, weeks):
    client = app.test_client()
    client.get("/en/check-in")
    before = dump_database(sqlite_url)
    response = client.post(
        "/en/check-in/reminder", data={"weeks": str(weeks), "title": "Tea; with, Ana"}
    )
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert response.headers["Content-Disposition"] == 'attachment; filename="reminder.ics"'
    assert response.headers["Cache-Control"] == "no-store"
    assert "Set-Cookie" not in response.headers
    lines = response.data.decode().split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR"
    assert lines[-2] == "END:VCALENDAR"
    day = date.today() + timedelta(weeks=weeks)
    assert f"DTSTART;VALUE=DATE:{day:%Y%m%d}" in lines
    assert "SUMMARY:Tea\\; with\\, Ana" in lines
    assert not any(line.startswith(("URL", "DESCRIPTION", "LOCATION")) for line in lines)
    assert all(len(line.encode()) <= 75 for line in lines)
    assert dump_database(sqlite_url) == before


@pytest.mark.parametrize(
    ("lang", "message"),
    [("en", "Choose when you want to be reminded"), ("es", "Elige cuándo quieres el recordatorio")],
)
def test_a_bad_reminder_request_is_refused_in_the_visitors_language_with_the_title_kept(
    client, lang, message
):
    response = client.post(f"/{lang}/check-in/reminder", data={"weeks": "3", "title": "Mine"})
    assert response.status_code == 400
    assert message in response.text
    assert 'value="Mine"' in response.text
    too_long = client.post(f"/{lang}/check-in/reminder", data={"weeks": "1", "title": "x" * 101})
    assert too_long.status_code == 400
    assert "x" * 101 in too_long.text


def test_a_long_title_is_folded_as_calendars_expect(client):
    title = "ñ" * 90
    lines = client.post("/en/check-in/reminder", data={"weeks": "1", "title": title}).text
    folded = lines.split("\r\n")
    summary = [line for line in folded if line.startswith(("SUMMARY", " "))]
    assert len(summary) == 3
    assert "".join(part.removeprefix(" ") for part in summary) == "SUMMARY:" + title
