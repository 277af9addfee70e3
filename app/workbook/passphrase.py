"""Passphrases of random words in the visitor's language, from maintained word lists.

English uses the EFF long list (shipped by xkcdpass): 7,776 words people know. Spanish uses the
Spanish BIP-39 list (shipped by mnemonic): 2,048 everyday words, chosen so that no two are the
same once accents are dropped, which is how ``normalise`` reads what a visitor types back. The
number of words is chosen so that every passphrase has at least MIN_BITS of entropy, whatever
the size of the list. Only generation depends on the list: a passphrase from an older list still
opens its workbook, because the key is derived from the normalised words alone.

Words a reader could link to sex, children, violence, crime, drugs, illness or the body are
never generated: the visitor is told to write the passphrase on paper, and someone else may
read it. They are listed, reviewed, in ``wordlists/blocked-<locale>.txt``.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import re
import secrets
import unicodedata
from collections.abc import Callable
from functools import cache
from importlib import resources

from mnemonic import Mnemonic

MIN_BITS = 80


def _eff_long() -> set[str]:
    """The EFF long list, less its few hyphenated words."""
    text = resources.files("xkcdpass").joinpath("static", "eff-long").read_text(encoding="utf-8")
    return {w for w in (line.strip().lower() for line in text.splitlines()) if w.isalpha()}


def _bip39_spanish() -> set[str]:
    return set(Mnemonic("spanish").wordlist)


WORDLISTS: dict[str, Callable[[], set[str]]] = {"en": _eff_long, "es": _bip39_spanish}


@cache
def blocked(locale: str) -> frozenset[str]:
    """The reviewed block-list of ``locale``'s word list, normalised as typed words are."""
    language = locale.split("_")[0] if locale.split("_")[0] in WORDLISTS else "en"
    text = resources.files(__package__).joinpath("wordlists", f"blocked-{language}.txt")
    lines = text.read_text(encoding="utf-8").splitlines()
    return frozenset(normalise(line) for line in lines if line.strip() and not line.startswith("#"))


@cache
def wordlist(locale: str) -> tuple[str, ...]:
    words = WORDLISTS.get(locale.split("_")[0], _eff_long)()
    return tuple(sorted(w for w in words if normalise(w) not in blocked(locale)))


def word_count(locale: str) -> int:
    return math.ceil(MIN_BITS / math.log2(len(wordlist(locale))))


def entropy_bits(locale: str) -> float:
    return word_count(locale) * math.log2(len(wordlist(locale)))


def generate(locale: str) -> str:
    return from_seed(locale, secrets.token_bytes(32))


def from_seed(locale: str, seed: bytes) -> str:
    """A passphrase as random as ``seed`` (32 secret bytes), the same for the same seed: two
    requests keeping one version of a workbook make one passphrase (workbook/views.py keep)."""
    words = wordlist(locale)
    limit = (1 << 32) // len(words) * len(words)  # rejection sampling: no word more likely
    chosen: list[str] = []
    counter = 0
    while len(chosen) < word_count(locale):
        block = hmac.new(seed, counter.to_bytes(4, "big"), hashlib.sha256).digest()
        counter += 1
        for start in range(0, len(block), 4):
            number = int.from_bytes(block[start : start + 4], "big")
            if number < limit and len(chosen) < word_count(locale):
                chosen.append(words[number % len(words)])
    return " ".join(chosen)


def normalise(typed: str) -> str:
    """Forgive case, accents, extra spaces, hyphens and line breaks in a typed passphrase."""
    decomposed = unicodedata.normalize("NFKD", typed.lower())
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.findall(r"[a-z]+", letters))
