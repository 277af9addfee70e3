"""The Spanish reads as written in Spain, in the `tú` form, with the programme's terms and one
inclusive convention for naming children (docs/authoring.md, "Spanish: one inclusive
convention")."""

from __future__ import annotations

import re

from tests.content.conftest import module_text, plain, step_text
from tests.support.apps import SHIPPED_CONTENT

ONE_CHILD = re.compile(
    r"\b(?:un|el|al|del)\s+niño\s+o\s+(?:una|la)\s+niña\b|\b(?:una|la)\s+niña\s+o\s+(?:un|el)\s+niño\b",
    re.I,
)


def spanish_text(catalog) -> str:
    text = " ".join(module_text(m) + " " + m.summary for m in catalog.modules("es"))
    pages = sorted((SHIPPED_CONTENT / "es" / "pages").glob("*.md"))
    return text + " " + " ".join(p.read_text(encoding="utf-8") for p in pages)


def test_spanish_reads_as_written_in_spain(catalog):
    text = spanish_text(catalog)
    for word in (
        r"\bvideos?\b",
        r"computadora",
        r"celular",
        r"\breglas?\b",
        r"Vidas Satisfactorias",
        r"violación de la abstinencia",
        r"\bustedes\b",
        r"pornografía infantil(?!»)",  # only in quotes, where the law's own term is explained
        r"Así es cómo",
        r"\bpapel(es)?\b(?! o guárdala)",  # "papel" is paper, not a relationship
        r"sostener sola",
        r"\bSam\b",
        r"persona joven",
    ):
        found = re.search(word, text, re.I)
        assert not found, found.group(0)
    assert "modelo de las Buenas Vidas" in text
    assert "transgresión" in text
    for mention in re.finditer(r"buenas vidas", text, re.I):
        assert text[: mention.start()].lower().endswith("modelo de las "), text[
            mention.start() - 40 :
        ][:80]
    # Perfect tense where Spain uses it, in what the reader is asked about their own answers.
    for preterite in ("elegiste", "marcaste", "escribiste", "preparaste"):
        assert preterite not in text, preterite
    assert "child pornography" not in module_text(catalog.module("en", "online-use")).lower()


def test_model_names_are_written_one_way(catalog):
    text = spanish_text(catalog)
    for wrong in (
        r"Modelo de (las Vías|Motivación|Autorregulación|las Buenas)",
        r"modelo de (motivación y facilitación|autorregulación|las vías)\b",
    ):
        found = re.search(wrong, text)
        assert not found or text[found.start() - 2 : found.start()] in ("\n", ". ", "**"), found


def test_children_are_named_by_one_inclusive_convention(catalog):
    """One child: "un niño o una niña" once a step, then "menor"; many: "niños y niñas"; urgent
    lines never a doublet."""
    for module in catalog.modules("es"):
        for step in module.steps:
            doublets = ONE_CHILD.findall(step_text(step))
            assert len(doublets) <= 1, (module.slug, step.id, doublets)
    text = spanish_text(catalog)
    for wrong in (r"niñas y (los )?niños", r"niñas o niños", r"niñ[oa]s?/[ao]s?", r"niñ[@xe]s?\b"):
        found = re.search(wrong, text)
        assert not found, found.group(0)
    for name in ("now.md", "family.md", "easy-now.md", "easy-start.md"):
        page = plain((SHIPPED_CONTENT / "es" / "pages" / name).read_text(encoding="utf-8"))
        for section in re.split(r"^###", page, flags=re.M):
            assert len(ONE_CHILD.findall(section)) <= 1, (name, section[:60])
    directory = (SHIPPED_CONTENT / "es" / "help.yaml").read_text(encoding="utf-8")
    for offers in re.findall(r'offers: "([^"]+)"', directory):
        assert len(ONE_CHILD.findall(offers)) <= 1, offers[:60]
