"""Easy-read versions of the first module and of the Right now page: short sentences, one idea
a line, in both languages, linked from the pages they retell, and held to the same safety rules
as every other page (issue 22)."""

from __future__ import annotations

import re

import pytest

from tests.content.conftest import LANGS, plain, sentences, source_files
from tests.support.apps import SHIPPED_CONTENT
from tests.support.safety import IMMINENT, IMMINENT_ONLINE

EASY = {"now": "easy-now", "start": "easy-start"}
# Words a tab title must not carry: it reaches history and the tab switcher.
TOPIC = re.compile(r"child|csam|sexual|abuse|offen|paedo|pedo|niñ|masi|abuso|delito|menor", re.I)
LONGEST = 16  # words in one sentence (the one fixed imminent-risk wording aside)


def source(lang: str, name: str) -> str:
    return (SHIPPED_CONTENT / lang / "pages" / f"{name}.md").read_text(encoding="utf-8")


def lines(lang: str, name: str) -> list[str]:
    """The page's text, one paragraph, list item or heading a line, front matter left out."""
    body = source(lang, name).split("---", 2)[2]
    return [" ".join(b.split()) for b in re.split(r"\n\s*\n|\n(?=\d+\. )", body) if b.strip()]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", EASY)
def test_the_easy_read_page_is_served_with_a_neutral_title(shipped_app, lang, name):
    page = shipped_app.test_client().get(f"/{lang}/easy/{name}")
    assert page.status_code == 200
    assert page.headers.get("Set-Cookie") is None
    title = re.search(r"<title>(.*?)</title>", page.text, re.S).group(1)
    assert not TOPIC.search(title), title
    assert title.startswith(("Right now", "Start here", "Ahora mismo", "Empieza aquí")), title
    assert shipped_app.test_client().get(f"/{lang}/easy/other").status_code == 404


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", EASY.values())
def test_easy_read_has_short_sentences_one_idea_a_line(lang, name):
    fixed = (IMMINENT[lang], IMMINENT_ONLINE[lang])
    counts = []
    for line in lines(lang, name):
        text = re.sub(r"\*\*|\[|\]\([^)]*\)|^#+ |^\d+\. ", "", line)
        if text.lower().startswith(fixed):
            continue
        found = [len(s.split()) for s in sentences(text)]
        assert len(found) <= 3, line  # one idea a line: a short line, never a paragraph
        assert max(found) <= LONGEST, line
        counts += found
    assert sum(counts) / len(counts) <= 8, name


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", EASY.values())
def test_easy_read_keeps_the_one_imminent_risk_destination(shipped_app, lang, name):
    # The safety tests that read every content file read these pages too ...
    assert SHIPPED_CONTENT / lang / "pages" / f"{name}.md" in source_files(lang)
    # ... and the words reach the page a visitor reads: the one answer, both ways it is needed.
    address = "easy/" + name.removeprefix("easy-")
    page = shipped_app.test_client().get(f"/{lang}/{address}").text
    text = " ".join(plain(page).split()).lower()
    assert IMMINENT[lang] in text
    assert IMMINENT_ONLINE[lang] in text
    for number in ("112", "999", "911", "024", "116 123", "988"):
        assert number in text, number
    # A risk to a child is never sent to a suicide line: not in the same section either.
    for section in re.split(r"^### ", source(lang, name), flags=re.M):
        if IMMINENT[lang][:20] in section.lower() or IMMINENT_ONLINE[lang][:20] in section.lower():
            assert not re.search(r"\b024\b|116 123|\b988\b|crisis|suicid", section, re.I)


@pytest.mark.parametrize("lang", LANGS)
def test_each_page_links_to_its_easy_read_version_and_back(shipped_app, lang):
    client = shipped_app.test_client()
    now = client.get(f"/{lang}/now").text
    assert 'href="easy/now"' in now
    module_zero = client.get(f"/{lang}/m/0/").text
    assert 'href="../../easy/start"' in module_zero
    easy_now = client.get(f"/{lang}/easy/now").text
    assert 'href="../now"' in easy_now
    easy_start = client.get(f"/{lang}/easy/start").text
    assert 'href="../m/0/"' in easy_start
    assert 'href="../easy/now"' in easy_start
    for page in (easy_now, easy_start):  # every link leads somewhere that answers
        for href in re.findall(r'href="(\.\./[^"#]*)"', page.split("<main", 1)[1]):
            target = f"/{lang}/" + href.removeprefix("../")
            assert client.get(target).status_code == 200, target


def test_both_languages_have_the_same_sections():
    for name in EASY.values():
        counts = {lang: source(lang, name).count("\n### ") for lang in LANGS}
        assert counts["en"] == counts["es"] >= 5, (name, counts)
