"""Properties of the workbook's keys and encryption, tested directly rather than by round trips
(a round trip passes with a constant nonce or a lookup id without the server's pepper)."""

from __future__ import annotations

import secrets

import pytest

from app.workbook.crypto import (
    NONCE_BYTES,
    Keyring,
    ServerKeys,
    Unreadable,
    keys_from_secret,
    new_keys,
    passphrase_keys,
    seal,
    unseal,
)

SERVER = ServerKeys.from_secret("one host's secret key, long enough to be a real one")
OTHER_SERVER = ServerKeys.from_secret("another host's secret key, long enough to be real")


def test_nonces_never_repeat_across_many_seals():
    key = secrets.token_bytes(32)
    sealed = [seal(key, b"the same answers", b"the same workbook") for _ in range(5000)]
    nonces = {box[:NONCE_BYTES] for box in sealed}
    assert len(nonces) == len(sealed)
    assert len({box[NONCE_BYTES:] for box in sealed}) == len(sealed)
    assert bytes(NONCE_BYTES) not in nonces
    assert all(unseal(key, box, b"the same workbook") == b"the same answers" for box in sealed)


def test_a_ciphertext_moved_to_another_lookup_id_does_not_open():
    """Same data key, another lookup id: a row's ciphertext copied onto another row is refused."""
    secret = secrets.token_bytes(32)
    here, there = keys_from_secret(secret, SERVER), keys_from_secret(secret, OTHER_SERVER)
    assert here.data_key == there.data_key
    assert here.lookup_id != there.lookup_id
    box = seal(here.data_key, b'{"answers": {}}', here.lookup_id)
    assert unseal(here.data_key, box, here.lookup_id) == b'{"answers": {}}'
    with pytest.raises(Unreadable):
        unseal(there.data_key, box, there.lookup_id)


@pytest.mark.parametrize("damage", ["flip", "truncate", "nonce only", "empty"])
def test_a_damaged_ciphertext_does_not_open(damage):
    keys = new_keys(SERVER)
    box = seal(keys.data_key, b"answers", keys.lookup_id)
    damaged = {
        "flip": box[:-1] + bytes([box[-1] ^ 1]),
        "truncate": box[:-1],
        "nonce only": box[:NONCE_BYTES],
        "empty": b"",
    }[damage]
    with pytest.raises(Unreadable):
        unseal(keys.data_key, damaged, keys.lookup_id)


def test_the_lookup_id_changes_when_the_server_pepper_changes():
    secret = secrets.token_bytes(32)
    assert (
        keys_from_secret(secret, SERVER).lookup_id
        != keys_from_secret(secret, OTHER_SERVER).lookup_id
    )
    assert keys_from_secret(secret, SERVER) == keys_from_secret(secret, SERVER)
    phrase = "lobo mesa nube playa ruta silla tigre"
    kept_here, kept_there = passphrase_keys(phrase, SERVER), passphrase_keys(phrase, OTHER_SERVER)
    assert kept_here.lookup_id != kept_there.lookup_id
    assert kept_here == passphrase_keys(phrase, SERVER)


def test_the_lookup_id_reveals_neither_the_data_key_nor_the_secret():
    secret = secrets.token_bytes(32)
    keys = keys_from_secret(secret, SERVER)
    assert len(keys.lookup_id) == len(keys.data_key) == 32
    assert keys.lookup_id != keys.data_key
    assert secret not in (keys.lookup_id, keys.data_key)


def test_each_server_key_is_for_one_purpose():
    values = [SERVER.pepper, SERVER.scrypt_salt, SERVER.cookie_key]
    assert len(set(values)) == 3
    assert all(len(value) == 32 for value in values)
    assert len(SERVER.key_id) == 4
    assert SERVER.key_id not in b"".join(values)
    assert SERVER != OTHER_SERVER
    assert SERVER.key_id != OTHER_SERVER.key_id


def test_the_keyring_finds_each_key_by_its_id_and_no_other():
    ring = Keyring.from_secrets(
        "current secret key, long enough", ["retired secret key, long enough"]
    )
    assert ring.all() == (ring.current, *ring.retired)
    assert ring.by_id(ring.current.key_id) is ring.current
    assert ring.by_id(ring.retired[0].key_id) is ring.retired[0]
    assert ring.by_id(OTHER_SERVER.key_id) is None
    assert Keyring.from_secrets("current secret key, long enough").retired == ()
