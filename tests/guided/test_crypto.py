"""The guided crypto alone (no Flask): sealed boxes open only with their key; the team's
private key is stored only under its passphrase."""

from __future__ import annotations

import nacl.pwhash
import pytest

from app.guided.crypto import (
    Unreadable,
    new_key_pair,
    new_team_key,
    open_sealed,
    seal_to,
    secret_open,
    secret_seal,
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
