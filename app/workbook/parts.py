"""The stored form of a workbook: sealed parts behind a sealed index, in one opaque value.

A page shows a small part of what a visitor has written (one module's answers, the latest
check-ins), so the ciphertext is cut where pages read it: one part per module's answers, the
check-ins in chunks of ``CHECK_INS_PER_CHUNK``, the self-checks, guided support's keys. A
request decrypts the index and only the parts it uses; its work does not grow with the rest.

The row still holds one value and nothing else (store.py): ``index ‖ part ‖ part …``. The
index is sealed and always ``INDEX_SEALED_BYTES`` long; it names each part, its length, how
many items it holds and a digest of its ciphertext (so no part can be swapped for one from
another version, or another workbook's). Without the key the value is one run of random
bytes: where parts begin, how many there are and which modules were answered is not in the
clear. Each part is sealed with its name in the associated data. No Flask here.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .crypto import NONCE_BYTES, Unreadable, seal, unseal
from .limits import TooLarge

INDEX_PLAIN_BYTES = 4096  # enough for every module, 40 check-in chunks and the rest
INDEX_SEALED_BYTES = NONCE_BYTES + INDEX_PLAIN_BYTES + 16  # 16: the AES-GCM tag
FORMAT = 2  # 1: the whole workbook as one ciphertext (read by store.py, rewritten on save)
CHECK_INS_PER_CHUNK = 13  # a quarter of weekly check-ins; one page of the history
DIGEST_BYTES = 16


@dataclass(frozen=True)
class Entry:
    """One part as the index describes it."""

    name: str
    length: int  # bytes of ciphertext
    items: int  # answers in a module's part, check-ins in a chunk; 0 otherwise
    digest: str


@dataclass(frozen=True)
class Index:
    entries: tuple[Entry, ...]
    extra: dict[str, Any]  # small values every page may need (a passphrase not yet shown)

    def entry(self, name: str) -> Entry | None:
        return next((e for e in self.entries if e.name == name), None)

    def names(self, prefix: str) -> list[str]:
        return [e.name for e in self.entries if e.name.startswith(prefix)]


@dataclass(frozen=True)
class Sealed:
    """The parts of one stored value, each decrypted only when asked for."""

    key: bytes
    context: bytes
    index: Index
    blob: bytes
    offsets: dict[str, int]

    def ciphertext(self, name: str) -> bytes:
        entry = self.index.entry(name)
        if entry is None:
            raise KeyError(name)
        start = self.offsets[name]
        return self.blob[start : start + entry.length]

    def plaintext(self, name: str) -> bytes:
        return open_part(self.key, self.context, name, self.ciphertext(name))


def _part_context(context: bytes, name: str) -> bytes:
    return context + b"|part|" + name.encode()


def _digest(ciphertext: bytes) -> str:
    return hashlib.sha256(ciphertext).digest()[:DIGEST_BYTES].hex()


def seal_part(key: bytes, context: bytes, name: str, plaintext: bytes) -> bytes:
    return seal(key, plaintext, _part_context(context, name))


def open_part(key: bytes, context: bytes, name: str, ciphertext: bytes) -> bytes:
    return unseal(key, ciphertext, _part_context(context, name))


def read_index(key: bytes, context: bytes, blob: bytes) -> Sealed | None:
    """The parts of ``blob``, or None when it is not in this format (a format-1 workbook,
    whose whole ciphertext is one seal, or a forward: store.py opens those)."""
    if len(blob) < INDEX_SEALED_BYTES:
        return None
    try:
        plain = unseal(key, blob[:INDEX_SEALED_BYTES], context + b"|index")
    except Unreadable:
        return None
    data = json.loads(plain)
    if not isinstance(data, dict) or data.get("v") != FORMAT:
        raise Unreadable("unexpected index")
    entries, offsets, at = [], {}, INDEX_SEALED_BYTES
    for name, length, items, digest in data.get("parts", []):
        entry = Entry(str(name), int(length), int(items), str(digest))
        offsets[entry.name] = at
        part = blob[at : at + entry.length]
        if len(part) != entry.length or not hmac.compare_digest(_digest(part), entry.digest):
            raise Unreadable("a part does not match its index")
        entries.append(entry)
        at += entry.length
    if at != len(blob):
        raise Unreadable("bytes after the last part")
    extra = data.get("extra", {})
    index = Index(tuple(entries), extra if isinstance(extra, dict) else {})
    return Sealed(key, context, index, blob, offsets)


def write(
    key: bytes, context: bytes, parts: Iterable[tuple[str, bytes, int]], extra: dict[str, Any]
) -> bytes:
    """The stored value for ``parts`` (name, ciphertext from ``seal_part``, items), in order."""
    listed = list(parts)
    index = {
        "v": FORMAT,
        "parts": [[name, len(sealed), items, _digest(sealed)] for name, sealed, items in listed],
        "extra": extra,
    }
    plain = json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode()
    if len(plain) > INDEX_PLAIN_BYTES:
        raise TooLarge
    padded = plain + b" " * (INDEX_PLAIN_BYTES - len(plain))  # every index the same length
    sealed_index = seal(key, padded, context + b"|index")
    return sealed_index + b"".join(sealed for _, sealed, _ in listed)
