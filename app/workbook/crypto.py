"""Keys and encryption for workbooks. No Flask here: this is the part to read and test alone.

A workbook is found by a one-way ``lookup_id`` and encrypted under a ``data_key``; both come
from a secret only the visitor holds: 32 random bytes for a new workbook, or a passphrase
stretched with scrypt once the visitor keeps it. The server adds its own key (a pepper) to the
lookup id, so a copy of the database alone cannot even test passphrase guesses.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from collections.abc import Iterable
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

# SecureDrop's parameters for the same job: about 16 MiB and tens of milliseconds per guess.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
NONCE_BYTES = 12
KEY_ID_BYTES = 4


class Unreadable(Exception):
    """A ciphertext or cookie that does not decrypt: tampered, truncated or from another key."""


@dataclass(frozen=True)
class ServerKeys:
    """Keys derived from one of the host's secret keys, each for one purpose; ``key_id`` names
    the secret (it reveals nothing about it) so a cookie says which key sealed it."""

    key_id: bytes
    pepper: bytes
    scrypt_salt: bytes
    cookie_key: bytes

    @classmethod
    def from_secret(cls, secret_key: str) -> ServerKeys:
        root = secret_key.encode()
        return cls(
            key_id=_mac(root, b"rumbo key id v1")[:KEY_ID_BYTES],
            pepper=_mac(root, b"rumbo workbook lookup pepper v1"),
            scrypt_salt=_mac(root, b"rumbo workbook scrypt salt v1"),
            cookie_key=_mac(root, b"rumbo workbook cookie key v1"),
        )


@dataclass(frozen=True)
class Keyring:
    """The current key, which seals everything new, and retired keys, which only open what was
    made under them until it is moved to the current key (the host's key rotation)."""

    current: ServerKeys
    retired: tuple[ServerKeys, ...] = ()

    @classmethod
    def from_secrets(cls, current: str, retired: Iterable[str] = ()) -> Keyring:
        return cls(ServerKeys.from_secret(current), tuple(map(ServerKeys.from_secret, retired)))

    def all(self) -> tuple[ServerKeys, ...]:
        return (self.current, *self.retired)

    def by_id(self, key_id: bytes) -> ServerKeys | None:
        return next((k for k in self.all() if hmac.compare_digest(k.key_id, key_id)), None)


@dataclass(frozen=True)
class WorkbookKeys:
    lookup_id: bytes
    data_key: bytes

    def to_bytes(self) -> bytes:
        return self.lookup_id + self.data_key

    @classmethod
    def from_bytes(cls, raw: bytes) -> WorkbookKeys:
        if len(raw) != 64:
            raise Unreadable("wrong key length")
        return cls(raw[:32], raw[32:])


def _mac(key: bytes, message: bytes) -> bytes:
    return hmac.new(key, message, hashlib.sha256).digest()


def keys_from_secret(secret: bytes, server: ServerKeys) -> WorkbookKeys:
    return WorkbookKeys(
        lookup_id=_mac(server.pepper, _mac(secret, b"lookup")),
        data_key=_mac(secret, b"data"),
    )


def new_keys(server: ServerKeys) -> WorkbookKeys:
    return keys_from_secret(secrets.token_bytes(32), server)


def passphrase_keys(normalised_passphrase: str, server: ServerKeys) -> WorkbookKeys:
    kdf = Scrypt(salt=server.scrypt_salt, length=32, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P)
    return keys_from_secret(kdf.derive(normalised_passphrase.encode()), server)


def keep_seed(keys: WorkbookKeys, ciphertext: bytes, server: ServerKeys) -> bytes:
    """The seed of the passphrase that keeps this version (``ciphertext``) of a workbook: only
    the holder of its keys can make it, and a new version (a fresh nonce) makes another."""
    return _mac(keys.data_key, b"rumbo keep passphrase v1" + server.pepper + ciphertext)


def seal(key: bytes, plaintext: bytes, context: bytes) -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, context)


def unseal(key: bytes, sealed: bytes, context: bytes) -> bytes:
    if len(sealed) <= NONCE_BYTES:
        raise Unreadable("too short")
    try:
        return AESGCM(key).decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], context)
    except InvalidTag:
        raise Unreadable("authentication failed") from None
