"""The visitor the programme is for, after a year of use: every module answered (about 450
characters in every text box), and a check-in every week with a note. Built through the pages,
as a browser would send them, by the tests and by the benchmark (bench/year.py).

``Pages`` is what building needs from a transport: ``get(address) -> html`` and
``post(address, fields) -> status``. The Flask test client and an HTTP connection both fit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from html.parser import HTMLParser

from app.workbook.current import today

LONG = ("Cuando me siento solo y cansado, sé que el riesgo sube: salgo, llamo, respiro. " * 6)[:450]
WEEKS_IN_A_YEAR = 52
Fields = dict[str, list[str]]


@dataclass(frozen=True)
class Pages:
    get: Callable[[str], str]
    post: Callable[[str, Fields], int]
    # Dates the next check-in so many weeks ago, where the transport can (the test client):
    # a year of check-ins then spans a year of weeks, as the charts will see them.
    weeks_ago: Callable[[int], None] | None = None


class Form(HTMLParser):
    """The fields of the one form posting to ``action``, filled as the fullest visitor would:
    every text box long, every box ticked, the first of each choice."""

    def __init__(self, action: str, fullest: bool = True) -> None:
        super().__init__()
        self.action, self.inside, self.data, self.fullest = action, False, {}, fullest

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("action") == self.action
        if not self.inside or "name" not in attrs:
            return
        name, kind = attrs["name"], attrs.get("type", "text")
        if tag == "textarea" or (tag == "input" and kind == "text" and self.fullest):
            self.data.setdefault(name, []).append(LONG)
        elif kind == "checkbox" and (self.fullest or len(self.data.get(name, [])) < 2):
            self.data.setdefault(name, []).append(attrs["value"])
        elif kind == "radio":
            self.data.setdefault(name, [attrs["value"]])
        elif kind == "hidden" and name.endswith(".shown"):
            self.data[name] = [attrs["value"]]

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False


def filled(pages: Pages, address: str, fullest: bool = True) -> Fields:
    form = Form(address, fullest)
    form.feed(pages.get(address))
    return form.data


def step_addresses(catalog, lang: str = "es") -> Iterator[tuple[str, int]]:
    """Every step with exercises, in curriculum order, and how many exercises it has."""
    for module in catalog.modules(lang):
        for step in module.steps:
            if step.exercises:
                yield f"/{lang}/m/{module.order}/{step.number}", len(step.exercises)


def answer_steps(pages: Pages, catalog, answers: int | None = None, lang: str = "es") -> int:
    """Answer steps in order until ``answers`` exercises are answered (all of them with None);
    how many were answered."""
    done = 0
    for address, exercises in step_addresses(catalog, lang):
        if answers is not None and done >= answers:
            break
        status = pages.post(address, filled(pages, address))
        assert status == 303, (address, status)
        done += exercises
    return done


def check_in_weekly(
    pages: Pages, weeks: int = WEEKS_IN_A_YEAR, lang: str = "es", fullest: bool = False
) -> None:
    """A check-in a week: by default with a long note and two signs and two skills ticked
    (``fullest``: every box ticked and every text box long, as the size limit is measured)."""
    address = f"/{lang}/check-in"
    for week in range(weeks):
        if pages.weeks_ago:
            pages.weeks_ago(weeks - 1 - week)
        assert pages.post(address, filled(pages, address, fullest)) == 303
    if pages.weeks_ago:
        pages.weeks_ago(0)


def year_of_use(
    pages: Pages, catalog, answers: int | None = None, weeks: int = 52, fullest: bool = False
) -> None:
    answer_steps(pages, catalog, answers)
    check_in_weekly(pages, weeks, fullest=fullest)


def pages_of(client) -> Pages:
    """``Pages`` through a Flask test client (which keeps the cookie); check-ins are dated
    by the week they are made for (the follow-up's clock, and only its, is set back)."""
    from app.followup import views

    def weeks_ago(weeks: int) -> None:
        views.today = lambda: date.today() - timedelta(weeks=weeks)  # type: ignore[attr-defined]
        if not weeks:
            views.today = today

    return Pages(
        get=lambda address: client.get(address).text,
        post=lambda address, fields: client.post(address, data=fields).status_code,
        weeks_ago=weeks_ago,
    )
