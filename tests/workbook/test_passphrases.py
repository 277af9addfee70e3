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
    monkeypatch.setattr(passphrase, "from_seed", lambda locale, seed: SPANISH_PHRASE)
    visitor = app.test_client()
    answer(visitor, lang="es")
    assert keep(visitor, lang="es") == SPANISH_PHRASE
    monkeypatch.undo()
    other_device = app.test_client()
    resumed = other_device.post("/es/resume", data={"passphrase": typed})
    assert resumed.status_code == 303
    assert resumed.headers["Location"].startswith("/es/workbook")
    assert MARKER in other_device.get("/es/workbook/1").text  # the saved answer is back


def test_a_spanish_passphrase_with_a_word_changed_does_not_open_it(app, monkeypatch):
    monkeypatch.setattr(passphrase, "from_seed", lambda locale, seed: SPANISH_PHRASE)
    visitor = app.test_client()
    answer(visitor, lang="es")
    keep(visitor, lang="es")
    monkeypatch.undo()
    other_device = app.test_client()
    wrong = SPANISH_PHRASE.replace("café", "cafés")
    assert other_device.post("/es/resume", data={"passphrase": wrong}).status_code != 303
    assert MARKER not in other_device.get("/es/workbook/1").text


def test_a_workbook_kept_with_an_older_spanish_passphrase_still_opens(app, monkeypatch):
    monkeypatch.setattr(passphrase, "from_seed", lambda locale, seed: OLD_SPANISH_PHRASE)
    visitor = app.test_client()
    answer(visitor, lang="es")
    assert keep(visitor, lang="es") == OLD_SPANISH_PHRASE
    monkeypatch.undo()
    resumed = app.test_client().post("/es/resume", data={"passphrase": OLD_SPANISH_PHRASE})
    assert resumed.status_code == 303
    assert resumed.headers["Location"].startswith("/es/workbook")


def test_word_lists_hold_whole_lowercase_words_and_follow_the_locale():
    passphrase.wordlist.cache_clear()  # read from the packages' files again, as at start-up
    english, spanish = passphrase.wordlist("en"), passphrase.wordlist("es")
    assert len(english) > 6900  # the EFF long list (7,776) less hyphenated and blocked words
    assert len(spanish) > 1700  # BIP-39 (2,048) less the blocked words
    for words in (english, spanish):
        assert list(words) == sorted(set(words))
        assert all(word and word == word.strip().lower() for word in words)
    assert all(word.isalpha() for word in english)  # no hyphenated words
    assert passphrase.wordlist("es_ES") == spanish
    assert passphrase.wordlist("en_GB") == english
    assert passphrase.wordlist("fr") == english  # a locale without its own list: English
    assert passphrase.word_count("en") == 7  # ceil(80 / log2(7,7xx))
    assert passphrase.word_count("es") == 8  # ceil(80 / 11)
    assert 80 <= passphrase.entropy_bits("en") < 80 + 13


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("  Árbol\tAVIÓN\n\nazúcar  ", "arbol avion azucar"),
        ("cigüeña-PIÑA_año", "ciguena pina ano"),
        ("one, two; three. 4 five", "one two three five"),
        ("", ""),
    ],
)
def test_normalise_reads_a_typed_passphrase_as_its_words(typed, read):
    assert passphrase.normalise(typed) == read


class NumberedWords:
    """A word list of any size, "w0", "w1", ...: the drawing tested apart from the real lists
    (and their block-lists, which reviewers may change)."""

    def __init__(self, size: int) -> None:
        self.size = size

    def __len__(self) -> int:
        return self.size

    def __getitem__(self, index: int) -> str:
        return f"w{index}"


@pytest.mark.parametrize(
    ("size", "seed", "drawn"),
    [
        # 3 * 2**30 words: a quarter of all 32-bit numbers lie above the last whole multiple of
        # the list's size and are skipped (else the first words would be likelier); this seed's
        # first number is one of them
        (3 * 2**30, bytes([7]) * 32, "w1051595102 w906343664 w1776185724"),
        # 1000 words: 9 words, more than one HMAC block of 8 numbers
        (1000, bytes(range(32)), "w275 w760 w749 w208 w992 w422 w420 w525 w860"),
        # 20 words: 19 words, three blocks (the block counter counts on)
        (20, bytes(range(32)), "w15 w0 w9 w8 w12 w2 w0 w5 w0 w10 w16 w1 w6 w15 w19 w14 w12 w4 w19"),
        # as many words as this seed's first number: that number is the limit itself, skipped
        # (taken, it would be "w0")
        (2860013025, bytes(32), "w943316342 w2094389884 w536150885"),
    ],
)
def test_a_passphrase_is_drawn_from_its_seed_as_released(monkeypatch, size, seed, drawn):
    """Two instances of two releases (a rolling upgrade) keeping one workbook version draw the
    same words: HMAC-SHA256(seed, counter) blocks, read as 32-bit numbers, those at or above the
    last whole multiple of the list's size skipped."""
    monkeypatch.setattr(passphrase, "wordlist", lambda locale: NumberedWords(size))
    assert passphrase.from_seed("en", seed) == drawn
