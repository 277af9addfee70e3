"""Passphrases of random words in the visitor's language, from xkcdpass's maintained lists.

The number of words is chosen so that every passphrase has at least MIN_BITS of entropy,
whatever the size of the list.
"""

from __future__ import annotations

import math
import re
import secrets
import unicodedata
from functools import cache
from importlib import resources

MIN_BITS = 80
# English: the EFF long list, less its few hyphenated words. Spanish: xkcdpass's Spanish list,
# keeping words of 4 to 8 letters without accents, so they are easy to type on any keyboard.
WORDLISTS = {
    "en": ("eff-long", re.compile(r"^[a-z]+$")),
    "es": ("spa-mich", re.compile(r"^[a-z]{4,8}$")),
}


@cache
def wordlist(locale: str) -> tuple[str, ...]:
    name, plain = WORDLISTS.get(locale.split("_")[0], WORDLISTS["en"])
    text = resources.files("xkcdpass").joinpath("static", name).read_text(encoding="utf-8")
    words = {line.strip().lower() for line in text.splitlines()}
    return tuple(sorted(w for w in words if plain.match(w)))


def word_count(locale: str) -> int:
    return math.ceil(MIN_BITS / math.log2(len(wordlist(locale))))


def entropy_bits(locale: str) -> float:
    return word_count(locale) * math.log2(len(wordlist(locale)))


def generate(locale: str) -> str:
    words = wordlist(locale)
    return " ".join(secrets.choice(words) for _ in range(word_count(locale)))


def normalise(typed: str) -> str:
    """Forgive case, accents, extra spaces, hyphens and line breaks in a typed passphrase."""
    decomposed = unicodedata.normalize("NFKD", typed.lower())
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.findall(r"[a-z]+", letters))
