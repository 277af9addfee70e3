"""What the module list and the workbook page show of the visitor's own self-check.

Template globals: both return nothing without the workbook cookie, so a page that any reader
could get (and the page cache keeps) never holds them; with the cookie the page is personal
and ``no-store`` (privacy/headers.py).
"""

from __future__ import annotations

from flask import request

from ..curriculum import catalog
from ..i18n import current_locale
from ..workbook.current import open_workbook
from ..workbook.factors import FactorHistory, factor_histories
from .journey import Journey, journey


def my_journey() -> Journey | None:
    lang = current_locale()
    check = catalog().self_check(lang)
    workbook = open_workbook() if request.cookies and check else None
    if workbook is None or check is None:
        return None
    return journey(check, catalog().modules(lang), workbook.answers, workbook.self_checks)


def my_factors() -> tuple[FactorHistory, ...]:
    check = catalog().self_check(current_locale())
    workbook = open_workbook() if request.cookies and check else None
    if workbook is None or check is None:
        return ()
    return factor_histories(check, workbook.self_checks, workbook.check_ins)


def has_self_check(lang: str) -> bool:
    return catalog().self_check(lang) is not None


def factor_changes() -> list[tuple[str, int, int]]:
    """Each tracked factor answered at least twice: its name, the answer before, the newest."""
    return [
        (factor.title, factor.points[-2].value, factor.points[-1].value)
        for factor in my_factors()
        if len(factor.points) > 1
    ]
