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
    WorkbookKeys,
    keep_seed,
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


# Known answers, from the derivation as released: a kept workbook is found and opened with keys
# derived again from its passphrase, years later. Any change to a label, a length or a scrypt
# parameter would lock every kept workbook and every open cookie out, and must be a migration.
KNOWN_SECRET_KEY = "known-answer secret key for Rumbo tests, long enough"
KNOWN = {
    "key_id": "49e24f42",
    "pepper": "30f82069aaee2efd489b26e936f70cfd7547df98f53a89754a971a13506bd9db",
    "scrypt_salt": "01eb1b3e1e29e4e9018abbf6f4dff7608e31940052ffa23fbc567dd2d33ad5f9",
    "cookie_key": "821359f9ff0451c3c461f55ab564bf3e44d8f87657699d59e3b99f52af85a566",
    "lookup_id": "5fc04d2afac6881b3f2e3060fd300dbca940759b6d3a55c59a7cd165212276aa",
    "data_key": "9dd78fa36b26c332831fb2809d0ebb4398009accfaebbe45763a0459a214486f",
    "kept_lookup_id": "7234b3341685be3c7df4be58d3a374fd94187a9720a29aad2bf41c3bbddf02af",
    "kept_data_key": "1b4523fe92037d2343014cee90cd5ffa65ec6e5b59124e7bd3d10a4846259c02",
}


def test_keys_are_derived_today_as_they_were_when_workbooks_were_kept():
    server = ServerKeys.from_secret(KNOWN_SECRET_KEY)
    new = keys_from_secret(bytes(range(32)), server)
    kept = passphrase_keys("lobo mesa nube playa ruta silla tigre", server)
    derived = {
        "key_id": server.key_id,
        "pepper": server.pepper,
        "scrypt_salt": server.scrypt_salt,
        "cookie_key": server.cookie_key,
        "lookup_id": new.lookup_id,
        "data_key": new.data_key,
        "kept_lookup_id": kept.lookup_id,
        "kept_data_key": kept.data_key,
    }
    assert {name: value.hex() for name, value in derived.items()} == KNOWN


def test_workbook_keys_travel_as_64_bytes_and_nothing_else_opens():
    keys = new_keys(SERVER)
    assert WorkbookKeys.from_bytes(keys.to_bytes()) == keys
    for length in (0, 63, 65):
        with pytest.raises(Unreadable):
            WorkbookKeys.from_bytes(bytes(length))


def test_the_keep_seed_belongs_to_one_version_of_one_workbook_on_one_host():
    """The passphrase offered to keep a workbook comes from this seed: another version (a new
    nonce), another workbook or another host's pepper must give another one, and the same
    version the same one, so two presses of Keep on two instances agree."""
    keys = keys_from_secret(bytes(range(32)), SERVER)
    other_keys = keys_from_secret(bytes(range(1, 33)), SERVER)
    version = seal(keys.data_key, b"answers", keys.lookup_id)
    next_version = seal(keys.data_key, b"answers", keys.lookup_id)
    seed = keep_seed(keys, version, SERVER)
    assert len(seed) == 32
    assert keep_seed(keys, version, SERVER) == seed
    assert keep_seed(keys, next_version, SERVER) != seed
    assert keep_seed(other_keys, version, SERVER) != seed
    assert keep_seed(keys, version, OTHER_SERVER) != seed


def test_the_keep_seed_is_derived_today_as_it_was_released():
    """Instances of two releases side by side (a rolling upgrade) offer the same passphrase."""
    server = ServerKeys.from_secret(KNOWN_SECRET_KEY)
    keys = keys_from_secret(bytes(range(32)), server)
    assert keep_seed(keys, b"one version of the workbook", server).hex() == (
        "6b2e0c1504634dc0e607d6be833b1341e48daa736a315b0666beba67cff48344"
    )
