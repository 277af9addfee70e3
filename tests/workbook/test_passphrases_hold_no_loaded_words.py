"""A passphrase is written on paper and may be read by someone else: no word in it may point
at sex, children, violence, crime, drugs, illness or the body (issue 23, item 3)."""

from __future__ import annotations

import pytest

from app.workbook import passphrase
from tests.support.visitor import answer, keep

# Words the issue found in generated passphrases: each must be on its language's block-list.
FOUND_IN_THE_WALK = {
    "es": "abuso niño menor tocar desnudo sexo colegio juguete cama chico joven bebé beso "
    "ducha pecho muslo lamer amante",
    "en": "predator grope undress arousal seduce daycare nanny diaper playpen",
}
# Made before the block-list, with "cama", "beso" and "niño" in it: it must still open.
OLD_PHRASE_WITH_BLOCKED_WORDS = "cama beso niño abrir lunes perla fresa roble"


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_words_the_walk_found_are_blocked(lang):
    blocked = passphrase.blocked(lang)
    for word in FOUND_IN_THE_WALK[lang].split():
        assert passphrase.normalise(word) in blocked, word


@pytest.mark.parametrize("lang", ["en", "es"])
def test_twenty_thousand_passphrases_hold_no_blocked_word(lang):
    blocked = passphrase.blocked(lang)
    assert len(blocked) > 250  # the reviewed list, not an empty file
    for _ in range(20_000):
        words = passphrase.normalise(passphrase.generate(lang)).split()
        assert not blocked.intersection(words), words


@pytest.mark.parametrize("lang", ["en", "es"])
def test_blocking_words_keeps_at_least_80_bits(lang):
    assert passphrase.entropy_bits(lang) >= 80


def test_a_passphrase_made_before_the_block_list_still_opens(app, monkeypatch):
    assert {"cama", "beso", "nino"} <= passphrase.blocked("es")
    monkeypatch.setattr(passphrase, "from_seed", lambda locale, seed: OLD_PHRASE_WITH_BLOCKED_WORDS)
    visitor = app.test_client()
    answer(visitor, lang="es")
    assert keep(visitor, lang="es") == OLD_PHRASE_WITH_BLOCKED_WORDS
    monkeypatch.undo()
    resumed = app.test_client().post(
        "/es/resume", data={"passphrase": OLD_PHRASE_WITH_BLOCKED_WORDS}
    )
    assert resumed.status_code == 303
    assert resumed.headers["Location"].startswith("/es/workbook")
