"""The polish pass of the second edition: one imminent-risk sentence in every file of both
languages, and the cross-links between modules that a reader following one topic needs."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest

from app.curriculum import check_tree
from tests.support.apps import SHIPPED_CONTENT
from tests.support.safety import IMMINENT

LANGS = ("en", "es")
# Where an imminent-risk instruction starts, in whatever words: each must be the one wording.
STARTS = {
    "en": re.compile(r"get away from (?:the|a) (?:child|minor)", re.I),
    "es": re.compile(r"al[eé]jate del? (?:niñ|menor)", re.I),
}
# (module, step, module it links to, step there or "" for the module's overview), both languages.
CROSS_LINKS = [
    ("start", "interest-and-action", "sexual-thoughts", "attraction-not-behaviour"),
    ("start", "help-now", "self-compassion", "dark-thoughts"),
    ("getting-help", "crisis", "self-compassion", "dark-thoughts"),
    ("pathway", "my-triggers", "online-use", "escalation"),
    ("self-regulation", "environment", "online-use", "internet-plan"),
    ("self-regulation", "environment", "disclosure", "practical-help"),
    ("self-regulation", "difficult-emotions", "self-compassion", "shame-and-guilt"),
    ("good-life", "loneliness", "relationships", "loneliness-ladder"),
    ("getting-help", "confidentiality", "disclosure", "what-others-pass-on"),
    ("getting-help", "barriers", "self-compassion", ""),
    ("staying-on-track", "after-an-offence", "disclosure", ""),
]


@pytest.fixture(scope="module")
def catalog():
    catalog, problems = check_tree(SHIPPED_CONTENT, LANGS)
    assert problems.errors == [], "\n".join(map(str, problems.errors))
    return catalog


@pytest.mark.parametrize("lang", LANGS)
def test_every_imminent_risk_instruction_uses_the_one_wording(lang):
    files = sorted((SHIPPED_CONTENT / lang).rglob("*.md"))
    found = 0
    for path in files:
        text = " ".join(path.read_text(encoding="utf-8").split())
        for start in STARTS[lang].finditer(text):
            found += 1
            said = text[start.start() : start.start() + len(IMMINENT[lang])]
            assert said.lower() == IMMINENT[lang], (path.name, said)
    assert found >= 10  # modules 0, 4, 5, 7, 9, 10, 11, 12 and the "right now" page


@pytest.mark.parametrize("lang", LANGS)
def test_the_right_now_page_sends_csam_viewing_to_the_after_offence_plan(lang):
    page = (SHIPPED_CONTENT / lang / "pages" / "now.md").read_text(encoding="utf-8")
    assert "module:staying-on-track/after-an-offence" in page
    assert "after-a-lapse" not in page  # viewing CSAM is an offence, never a lapse


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("slug", "step_id", "to_slug", "to_step"), CROSS_LINKS)
def test_the_cross_links_lead_to_the_related_step(
    catalog, shipped_app, lang, slug, step_id, to_slug, to_step
):
    step = catalog.module(lang, slug).step(step_id)
    url = f"/{lang}/m/{catalog.module(lang, slug).order}/{step.number}"
    prose = "".join(str(block.html) for block in step.blocks if hasattr(block, "html"))
    hrefs = {urljoin(url, href) for href in re.findall(r'href="([^"]+)"', prose)}
    target = catalog.module(lang, to_slug)
    wanted = f"/{lang}/m/{target.order}/{target.step(to_step).number if to_step else ''}"
    assert wanted in hrefs, (url, wanted)
    assert shipped_app.test_client().get(wanted).status_code == 200


FAMILY = {
    "en": ["is a child at risk right now?", "112", "999", "911", "Never help to hide an offence",
           "legal advice", "will pass that on", "To confirm", "024", "116 123", "988"],
    "es": ["¿hay ahora mismo un niño o una niña en riesgo?", "112", "999", "911", "Nunca ayudes a ocultar un delito",
           "asesoramiento legal", "la\ncomunicará", "Por confirmar", "024", "116 123", "988"],
}  # fmt: skip


@pytest.mark.parametrize("lang", LANGS)
def test_the_family_page_puts_children_first_and_is_linked_from_disclosure(shipped_app, lang):
    client = shipped_app.test_client()
    page = client.get(f"/{lang}/family")
    assert page.status_code == 200
    assert "Set-Cookie" not in page.headers
    main = page.text.split('<main id="main"')[1].split("</main>")[0]
    text = " ".join(main.split())
    for needle in FAMILY[lang]:
        assert " ".join(needle.split()) in text, (lang, needle)
    # children's safety is the first thing it asks about, before any support for the reader
    assert text.index("112") < text.index("024")
    for forbidden in ("delete", "borra", "destr", "wipe"):
        assert forbidden not in text.lower(), (lang, forbidden)
    step = client.get(f"/{lang}/m/11/6").text
    assert 'href="../../family"' in step


def test_the_family_page_is_required_in_every_language(tmp_path):
    import shutil

    shutil.copytree(SHIPPED_CONTENT, tmp_path / "content")
    (tmp_path / "content" / "es" / "pages" / "family.md").unlink()
    _, problems = check_tree(tmp_path / "content", LANGS)
    assert any("'family' page is missing" in str(error) for error in problems.errors)
