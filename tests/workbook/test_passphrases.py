"""Passphrases a visitor can read, write down and type back: everyday words, enough entropy."""

from __future__ import annotations

import statistics
import unicodedata

import pytest
from wordfreq import zipf_frequency

from app.workbook import passphrase
from tests.support.visitor import MARKER, answer, keep

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


# A Spanish passphrase as the portal shows it, every word from the list, accents and ñ in it.
SPANISH_PHRASE = "árbol avión azúcar año búho café araña acción"
TYPED_BACK = [
    "arbol avion azucar ano buho cafe arana accion",  # no accents, no ñ: a phone without them
    "ÁRBOL AVIÓN AZÚCAR AÑO BÚHO CAFÉ ARAÑA ACCIÓN",  # capitals
    "ARBOL AVION AZUCAR ANO BUHO CAFE ARANA ACCION",  # capitals without accents
    "arbol-avion-azucar-ano-buho-cafe-arana-accion",  # hyphens
    "  Arbol\navion, azucar.  ano / buho_cafe\tarana   accion ",  # other separators
]


@pytest.mark.parametrize("typed", TYPED_BACK)
def test_a_spanish_passphrase_typed_without_accents_opens_the_workbook(app, monkeypatch, typed):
    listed = {unicodedata.normalize("NFC", word) for word in passphrase.wordlist("es")}
    assert set(SPANISH_PHRASE.split()) <= listed
    monkeypatch.setattr(passphrase, "generate", lambda locale: SPANISH_PHRASE)
    visitor = app.test_client()
    answer(visitor, lang="es")
    assert keep(visitor, lang="es") == SPANISH_PHRASE
    monkeypatch.undo()
    other_device = app.test_client()
    resumed = other_device.post("/es/resume", data={"passphrase": typed})
    assert resumed.status_code == 303
    assert resumed.headers["Location"].startswith("/es/workbook")
    assert MARKER in other_device.get("/es/workbook").text  # the saved answer is back


def test_a_spanish_passphrase_with_a_word_changed_does_not_open_it(app, monkeypatch):
    monkeypatch.setattr(passphrase, "generate", lambda locale: SPANISH_PHRASE)
    visitor = app.test_client()
    answer(visitor, lang="es")
    keep(visitor, lang="es")
    monkeypatch.undo()
    other_device = app.test_client()
    wrong = SPANISH_PHRASE.replace("café", "cafés")
    assert other_device.post("/es/resume", data={"passphrase": wrong}).status_code != 303
    assert MARKER not in other_device.get("/es/workbook").text


def test_a_workbook_kept_with_an_older_spanish_passphrase_still_opens(app, monkeypatch):
    monkeypatch.setattr(passphrase, "generate", lambda locale: OLD_SPANISH_PHRASE)
    visitor = app.test_client()
    answer(visitor, lang="es")
    assert keep(visitor, lang="es") == OLD_SPANISH_PHRASE
    monkeypatch.undo()
    resumed = app.test_client().post("/es/resume", data={"passphrase": OLD_SPANISH_PHRASE})
    assert resumed.status_code == 303
    assert resumed.headers["Location"].startswith("/es/workbook")
