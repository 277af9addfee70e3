"""Passphrases a visitor can read, write down and type back: everyday words, enough entropy."""

from __future__ import annotations

import statistics

import pytest
from wordfreq import zipf_frequency

from app.workbook import passphrase
from tests.support.visitor import answer, keep

# A Spanish passphrase from the list used before the second edition (rare words): kept
# workbooks made with such a phrase must still open.
OLD_SPANISH_PHRASE = "mayueta reherrar bitume casinita quinzava conoidal"


@pytest.mark.parametrize("lang", ["en", "es"])
def test_passphrases_have_at_least_80_bits(lang):
    assert passphrase.entropy_bits(lang) >= 80
    words = passphrase.generate(lang).split()
    assert len(words) == passphrase.word_count(lang)
    assert all(word in passphrase.wordlist(lang) for word in words)
    assert passphrase.generate(lang) != passphrase.generate(lang)
    seed = bytes(range(32))  # keeping: the same workbook version, the same passphrase
    assert passphrase.from_seed(lang, seed) == passphrase.from_seed(lang, seed)
    assert passphrase.from_seed(lang, seed) != passphrase.from_seed(lang, seed[::-1])


@pytest.mark.parametrize("lang", ["en", "es"])
def test_no_two_words_read_the_same_once_accents_and_case_are_forgiven(lang):
    words = passphrase.wordlist(lang)
    assert len({passphrase.normalise(word) for word in words}) == len(words)


def test_spanish_words_are_at_least_as_familiar_as_the_english_ones():
    """Zipf frequency: 3 is a word seen about once per million words, 4 ten times, and so on."""

    def median_zipf(lang: str) -> float:
        return statistics.median(zipf_frequency(w, lang) for w in passphrase.wordlist(lang))

    spanish, english = median_zipf("es"), median_zipf("en")
    assert spanish >= english, (spanish, english)
    rare = [w for w in passphrase.wordlist("es") if zipf_frequency(w, "es") < 2]
    assert len(rare) / len(passphrase.wordlist("es")) < 0.02, rare[:20]


def test_a_spanish_passphrase_typed_without_accents_opens_the_workbook(app):
    visitor = app.test_client()
    answer(visitor, lang="es")
    phrase = keep(visitor, lang="es")
    typed = passphrase.normalise(phrase).upper()  # no accents, capitals, as a phone might type it
    resumed = app.test_client().post("/es/resume", data={"passphrase": typed})
    assert resumed.status_code == 303


def test_a_workbook_kept_with_an_older_spanish_passphrase_still_opens(app, monkeypatch):
    monkeypatch.setattr(passphrase, "from_seed", lambda locale, seed: OLD_SPANISH_PHRASE)
    visitor = app.test_client()
    answer(visitor, lang="es")
    assert keep(visitor, lang="es") == OLD_SPANISH_PHRASE
    monkeypatch.undo()
    resumed = app.test_client().post("/es/resume", data={"passphrase": OLD_SPANISH_PHRASE})
    assert resumed.status_code == 303
    assert resumed.headers["Location"].startswith("/es/workbook")
