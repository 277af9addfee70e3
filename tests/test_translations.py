"""The Spanish catalogue is complete and up to date with the code and templates."""

from __future__ import annotations

import subprocess
import sys

from babel.messages.pofile import read_po

from tests.support.apps import ROOT

PO = ROOT / "translations" / "es" / "LC_MESSAGES" / "messages.po"


def catalogue():
    with open(PO, "rb") as handle:
        return read_po(handle)


def test_spanish_catalogue_has_no_empty_or_fuzzy_entries():
    assert not catalogue().fuzzy, (
        "the header is marked fuzzy: pybabel compile would skip the whole catalogue"
    )
    problems = []
    for message in catalogue():
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            problems.append(message.id)
    assert problems == []


def test_every_string_in_the_code_is_in_the_catalogue(tmp_path):
    pot = tmp_path / "messages.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg", "-k", "lazy_gettext",
         "-k", "_l", "--no-location", "--omit-header", "-o", str(pot), "."],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip
    with open(pot, "rb") as handle:
        extracted = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}
    known = {m.id if isinstance(m.id, str) else m.id[0] for m in catalogue() if m.id}
    missing = sorted(extracted - known)
    assert missing == [], "run `make update-strings` and translate: " + "; ".join(missing)


def test_placeholders_survive_translation():
    import re

    for message in catalogue():
        if not message.id or not message.string:
            continue
        source = message.id if isinstance(message.id, str) else message.id[-1]
        target = message.string if isinstance(message.string, str) else message.string[-1]
        assert sorted(re.findall(r"%\(\w+\)\w", source)) == sorted(
            re.findall(r"%\(\w+\)\w", target)
        ), source


# Words that are spelt the same in Spanish and English: only these may be left as they are.
SAME_IN_BOTH = {"Error:", "No", "Web", "%(num)d error"}  # the singular only: "errores"


def test_no_spanish_entry_is_left_in_english():
    """An English msgstr passes the empty-entry check; here it does not."""
    untranslated = []
    for message in catalogue():
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if any(text == ids[min(n, len(ids) - 1)] for n, text in enumerate(strings)):
            untranslated.append(ids[0])
    assert sorted(set(untranslated) - SAME_IN_BOTH) == []
