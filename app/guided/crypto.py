"""Keys and encryption for guided support. No Flask here: this is the part to read and test alone.

Everything is libsodium (PyNaCl), never a construction of our own:
- what a visitor sends is a *sealed box* to the team's public key, so only the team's private
  key opens it; a copy for the visitor is sealed to the thread's public key;
- a reply is sealed to the thread's public key (the visitor's copy) and to the team's (so the
  team can read its own replies);
- the thread's private key lives only inside the visitor's encrypted workbook;
- the team's private key is stored only under a key stretched from the team passphrase with
  Argon2id (``pwhash``) in a ``SecretBox``;
- a counsellor's session carries the team's private key in a ``SecretBox`` under a random key
  that lives in the session's database row: the cookie alone or the database alone opens nothing.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

import nacl.exceptions
import nacl.pwhash
import nacl.secret
import nacl.utils
from nacl.public import PrivateKey, PublicKey, SealedBox

KEY_BYTES = 32
# Argon2id at libsodium's "interactive" cost (64 MiB, 2 passes): a counsellor's login waits a
# fraction of a second, a guess at the passphrase from a database copy costs as much.
TEAM_OPSLIMIT = nacl.pwhash.argon2id.OPSLIMIT_INTERACTIVE
TEAM_MEMLIMIT = nacl.pwhash.argon2id.MEMLIMIT_INTERACTIVE


class Unreadable(Exception):
    """A ciphertext that does not open: tampered, truncated or for another key. It carries no
    message: callers act on the type alone, and nothing about a ciphertext is worth logging."""


@dataclass(frozen=True)
class KeyPair:
    private: bytes
    public: bytes


def new_key_pair() -> KeyPair:
    key = PrivateKey.generate()
    return KeyPair(bytes(key), bytes(key.public_key))


def seal_to(public_key: bytes, plaintext: bytes) -> bytes:
    """Anyone may seal; only the holder of the matching private key opens."""
    return bytes(SealedBox(PublicKey(public_key)).encrypt(plaintext))


def open_sealed(private_key: bytes, sealed: bytes) -> bytes:
    try:
        return bytes(SealedBox(PrivateKey(private_key)).decrypt(sealed))
    except (nacl.exceptions.CryptoError, nacl.exceptions.ValueError, TypeError):
        raise Unreadable from None


@dataclass(frozen=True)
class LockedTeamKey:
    """The team's key pair as stored: the private half only under the team passphrase."""

    public: bytes
    locked_private: bytes
    salt: bytes
    opslimit: int
    memlimit: int


def _stretch(passphrase: str, salt: bytes, opslimit: int, memlimit: int) -> bytes:
    return bytes(
        nacl.pwhash.argon2id.kdf(
            nacl.secret.SecretBox.KEY_SIZE, passphrase.encode(), salt,
            opslimit=opslimit, memlimit=memlimit,
        )
    )  # fmt: skip


def new_team_key(
    passphrase: str, opslimit: int = TEAM_OPSLIMIT, memlimit: int = TEAM_MEMLIMIT
) -> LockedTeamKey:
    pair = new_key_pair()
    salt = nacl.utils.random(nacl.pwhash.argon2id.SALTBYTES)
    box = nacl.secret.SecretBox(_stretch(passphrase, salt, opslimit, memlimit))
    return LockedTeamKey(pair.public, bytes(box.encrypt(pair.private)), salt, opslimit, memlimit)


def unlock_team_key(locked: LockedTeamKey, passphrase: str) -> bytes:
    """The team's private key; Unreadable if the passphrase is wrong."""
    key = _stretch(passphrase, locked.salt, locked.opslimit, locked.memlimit)
    return secret_open(key, locked.locked_private)


def secret_seal(key: bytes, plaintext: bytes) -> bytes:
    return bytes(nacl.secret.SecretBox(key).encrypt(plaintext))


def secret_open(key: bytes, sealed: bytes) -> bytes:
    try:
        return bytes(nacl.secret.SecretBox(key).decrypt(sealed))
    except (nacl.exceptions.CryptoError, nacl.exceptions.ValueError, TypeError):
        raise Unreadable from None


def random_key() -> bytes:
    return nacl.utils.random(KEY_BYTES)


def to_text(raw: bytes) -> str:
    """Keys as they are kept inside the workbook's JSON."""
    return base64.b64encode(raw).decode("ascii")


def from_text(text: str) -> bytes:
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError):
        raise Unreadable from None
