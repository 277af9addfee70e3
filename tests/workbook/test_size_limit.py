"""The size limit of one workbook is what a real, very full year needs, with headroom, and no
more (issue 21, row 4): thirteen modules with a long answer (~450 characters) in every text
box, and a year of weekly check-ins with every sign, every skill and a long note."""

from __future__ import annotations

from html.parser import HTMLParser

from app.curriculum import CATALOG
from app.workbook import limits
from tests.support.visitor import workbook_plaintext

LONG = ("Cuando me siento solo y cansado, sé que el riesgo sube: salgo, llamo, respiro. " * 6)[:450]
WEEKS_IN_A_YEAR = 52


class Form(HTMLParser):
    """The fields of the one form posting to ``action``, filled as the fullest visitor would:
    every text box long, every box ticked, the first of each choice."""

    def __init__(self, action: str) -> None:
        super().__init__()
        self.action, self.inside, self.data = action, False, {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("action") == self.action
        if not self.inside or "name" not in attrs:
            return
        name, kind = attrs["name"], attrs.get("type", "text")
        if tag == "textarea" or (tag == "input" and kind == "text"):
            self.data.setdefault(name, []).append(LONG)
        elif kind == "checkbox":
            self.data.setdefault(name, []).append(attrs["value"])
        elif kind == "radio":
            self.data.setdefault(name, [attrs["value"]])
        elif kind == "hidden" and name.endswith(".shown"):
            self.data[name] = [attrs["value"]]

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False


def filled(client, address: str) -> dict:
    form = Form(address)
    form.feed(client.get(address).text)
    return form.data


def fullest_year(app, client) -> int:
    catalog = CATALOG.of(app)
    for module in catalog.modules("es"):
        for step in module.steps:
            address = f"/es/m/{module.order}/{step.number}"
            if step.exercises:
                saved = client.post(address, data=filled(client, address))
                assert saved.status_code == 303, (address, saved.text[-2000:])
    for _ in range(WEEKS_IN_A_YEAR):
        assert client.post("/es/check-in", data=filled(client, "/es/check-in")).status_code == 303
    return len(workbook_plaintext(app, client))


def test_the_fullest_year_fits_with_headroom_and_the_limit_is_not_much_larger(shipped_app):
    size = fullest_year(shipped_app, shipped_app.test_client())
    print(f"fullest year: {size} bytes of plaintext; limit {limits.MAX_WORKBOOK_BYTES}")
    assert size * 1.5 <= limits.MAX_WORKBOOK_BYTES <= size * 2
