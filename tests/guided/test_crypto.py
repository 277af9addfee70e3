"""The guided crypto alone (no Flask): sealed boxes open only with their key; the team's
private key is stored only under its passphrase."""

from __future__ import annotations

import base64

import nacl.pwhash
import nacl.secret
import pytest

from app.guided.crypto import (
    LockedTeamKey,
    Unreadable,
    from_text,
    new_key_pair,
    new_team_key,
    open_sealed,
    random_key,
    seal_to,
    secret_open,
    secret_seal,
    to_text,
    unlock_team_key,
)
from app.guided.team import DUMMY_HASH
from app.insight.password import N

FAST = {
    "opslimit": nacl.pwhash.argon2id.OPSLIMIT_MIN,
    "memlimit": nacl.pwhash.argon2id.MEMLIMIT_MIN,
}


def test_a_sealed_box_opens_only_with_its_private_key():
    ours, theirs = new_key_pair(), new_key_pair()
    sealed = seal_to(ours.public, b"words")
    assert b"words" not in sealed
    assert open_sealed(ours.private, sealed) == b"words"
    with pytest.raises(Unreadable):
        open_sealed(theirs.private, sealed)
    with pytest.raises(Unreadable):
        open_sealed(ours.private, sealed[:-1] + bytes([sealed[-1] ^ 1]))


def test_the_team_key_is_stored_only_under_its_passphrase():
    locked = new_team_key("a long team passphrase", **FAST)
    private = unlock_team_key(locked, "a long team passphrase")
    assert private not in locked.locked_private
    assert open_sealed(private, seal_to(locked.public, b"hello")) == b"hello"
    with pytest.raises(Unreadable):
        unlock_team_key(locked, "a long team passphrasE")


def test_a_secret_box_refuses_another_key():
    key, other = bytes(32), bytes([1]) * 32
    with pytest.raises(Unreadable):
        secret_open(other, secret_seal(key, b"x"))


def test_an_unknown_name_costs_as_much_as_a_wrong_password():
    assert DUMMY_HASH.split("$")[1] == str(N)


def test_a_session_key_is_32_fresh_random_bytes_that_a_secret_box_takes():
    keys = {random_key() for _ in range(100)}
    assert len(keys) == 100
    assert {len(key) for key in keys} == {32}
    key = keys.pop()
    assert secret_open(key, secret_seal(key, b"team key")) == b"team key"


def test_a_thread_key_travels_in_the_workbook_as_base64_and_nothing_else_reads_as_one():
    key = new_key_pair().private
    assert to_text(key) == base64.b64encode(key).decode()
    assert from_text(to_text(key)) == key
    # not base64 at all, a character outside ASCII, padding missing, or characters base64 would
    # skip over if it were not strict ("a2V5 a2V5" would read as b"keykey")
    for text in ("not a key!", "clé", "a2V5a", "a2V5 a2V5", "a2V5\na2V5"):
        with pytest.raises(Unreadable):
            from_text(text)


def test_a_stored_team_key_unlocks_with_the_cost_it_was_stored_with():
    """A key locked by hand with libsodium at the cost the row records (here the least) opens:
    unlocking stretches the passphrase with that row's limits, not a default."""
    pair, salt = new_key_pair(), bytes(range(nacl.pwhash.argon2id.SALTBYTES))
    stretched = nacl.pwhash.argon2id.kdf(
        nacl.secret.SecretBox.KEY_SIZE, b"the team passphrase", salt, **FAST
    )
    locked = LockedTeamKey(
        public=pair.public,
        locked_private=bytes(nacl.secret.SecretBox(stretched).encrypt(pair.private)),
        salt=salt,
        **FAST,
    )
    assert unlock_team_key(locked, "the team passphrase") == pair.private
    made = new_team_key("the team passphrase", **FAST)
    assert (made.opslimit, made.memlimit) == (FAST["opslimit"], FAST["memlimit"])
