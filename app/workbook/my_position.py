"""The visitor's own position (position.py) as a template global for the home page, the module
list, a module's overview and the workbook page.

It is None without the workbook cookie, so a page any reader could get (and the page cache
keeps: page_cache.py renders those without cookie) never holds it; with the cookie the page is
personal and ``no-store`` (privacy/headers.py).
"""

from __future__ import annotations

from flask import g, request

from ..curriculum import catalog
from ..i18n import current_locale
from .current import open_workbook
from .position import Position, workbook_position


def my_position() -> Position | None:
    if not request.cookies:
        return None
    if "position" not in g:  # asked by several parts of one page
        workbook = open_workbook()
        g.position = (
            workbook_position(
                catalog().modules(current_locale()),
                workbook.answers,
                workbook.notes,
                workbook.answers.count,
            )
            if workbook
            else None
        )
    found: Position | None = g.position
    return found
