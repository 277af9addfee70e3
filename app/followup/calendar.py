"""A calendar reminder (RFC 5545) for the next check-in: made on request, never stored.

An all-day event on a date only, with the visitor's own title and nothing else: no name or
address of this site (the product id RFC 5545 requires is a neutral one), no description, no
time of day (the stamp RFC 5545 requires is the day at 00:00 UTC). One alarm, at 9:00 that
day, shows the same title: a reminder that does not remind is easy to miss.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta

WEEKS = (1, 2, 4)
MAX_TITLE_CHARS = 100


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> list[str]:
    """Lines of at most 75 octets, each continued with a leading space (RFC 5545 §3.1)."""
    parts, current = [], ""
    for char in line:
        if len((current + char).encode()) > 75:
            parts.append(current)
            current = " "
        current += char
    return [*parts, current]


def reminder(title: str, today: date, weeks: int) -> bytes:
    day = today + timedelta(weeks=weeks)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Reminder//EN",
        "CALSCALE:GREGORIAN",
        "BEGIN:VEVENT",
        f"UID:{uuid.uuid4()}",
        f"DTSTAMP:{today:%Y%m%d}T000000Z",
        f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
        f"DTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{_escape(title)}",
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "TRIGGER;RELATED=START:PT9H",
        f"DESCRIPTION:{_escape(title)}",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    folded = [part for line in lines for part in _fold(line)]
    return ("\r\n".join(folded) + "\r\n").encode()
