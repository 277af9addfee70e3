"""The Spanish check-in speaks to every visitor: no option, label or question in the masculine
only (issue 23: "Sentirme solo ... estresado", "conectado a solas")."""

from __future__ import annotations

import html
import re

# Adjectives and participles that agree with the visitor: each in -o/-os is masculine-only.
GENDERED = re.compile(
    r"\b(sentirme solo|me siento solo|estresad[oa]s?|conectad[oa]s?|aburrid[oa]s?|enfadad[oa]s?|"
    r"cansad[oa]s?|preocupad[oa]s?|ansios[oa]s?|agobiad[oa]s?|aislad[oa]s?|deprimid[oa]s?|"
    r"seguro de|segura de|list[oa] para|capacitad[oa]|tranquil[oa]|solos?,|sol[oa] o)\b",
    re.IGNORECASE,
)


def visible_text(page: str) -> str:
    main = page.split('<main id="main"', 1)[1].split("</main>", 1)[0]
    return html.unescape(re.sub(r"<[^>]+>", " ", main))


def test_the_spanish_check_in_has_no_masculine_only_words(shipped_app):
    visitor = shipped_app.test_client()
    found = GENDERED.findall(visible_text(visitor.get("/es/check-in").text))
    assert found == []


def test_the_spanish_check_in_after_the_self_check_has_none_either(shipped_app):
    visitor = shipped_app.test_client()
    visitor.post("/es/self-check", data={"lonely.answer": "8", "mood.answer": "7"})
    page = visitor.get("/es/check-in").text
    assert "Cuánta soledad" in page  # a tracked factor is asked
    assert GENDERED.findall(visible_text(page)) == []
