"""The size limit of one workbook is what a real, very full year needs, with headroom, and no
more (issue 21, row 4): thirteen modules with a long answer (~450 characters) in every text
box, and a year of weekly check-ins with every sign, every skill and a long note."""

from __future__ import annotations

from app.curriculum import CATALOG
from app.workbook import limits
from tests.support.visitor import workbook_plaintext
from tests.support.year import WEEKS_IN_A_YEAR, pages_of, year_of_use


def fullest_year(app, client) -> int:
    year_of_use(pages_of(client), CATALOG.of(app), weeks=WEEKS_IN_A_YEAR, fullest=True)
    return len(workbook_plaintext(app, client))


def test_the_fullest_year_fits_with_headroom_and_the_limit_is_not_much_larger(shipped_app):
    size = fullest_year(shipped_app, shipped_app.test_client())
    print(f"fullest year: {size} bytes of plaintext; limit {limits.MAX_WORKBOOK_BYTES}")
    assert size * 1.5 <= limits.MAX_WORKBOOK_BYTES <= size * 2
