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
    # The title the visitor chose, a neutral product id, one alarm, and nothing else (item 6).
    assert "PRODID:-//Reminder//EN" in lines
    names = [line.split(":")[0].split(";")[0] for line in lines if line and line[0] != " "]
    assert names == [
        "BEGIN", "VERSION", "PRODID", "CALSCALE", "BEGIN", "UID", "DTSTAMP", "DTSTART", "DTEND",
        "SUMMARY", "TRANSP", "BEGIN", "ACTION", "TRIGGER", "DESCRIPTION", "END", "END", "END",
    ]  # fmt: skip
    assert lines[lines.index("BEGIN:VALARM") + 1 : lines.index("END:VALARM")] == [
        "ACTION:DISPLAY", "TRIGGER;RELATED=START:PT9H", "DESCRIPTION:Tea\\; with\\, Ana",
    ]  # fmt: skip
    assert "rumbo" not in response.data.decode().lower()
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
    start = next(i for i, line in enumerate(folded) if line.startswith("SUMMARY"))
    summary = folded[start : start + 3]
    assert len(summary) == 3
    assert "".join(part.removeprefix(" ") for part in summary) == "SUMMARY:" + title
