"""A workbook's content, read part by part (parts.py) as a request asks for it. No Flask here.

``Workbook.answers`` is a mapping whose modules are decrypted on first use; ``check_ins``,
``self_checks`` and ``guided`` are decrypted on first use; ``recent_check_ins`` and
``check_in_chunk`` read only the chunks they return. Sealing again reuses the ciphertext of
every part that was not read or did not change.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, MutableMapping
from datetime import date
from typing import Any

from .crypto import NONCE_BYTES, Unreadable, WorkbookKeys
from .limits import MAX_WORKBOOK_BYTES, TooLarge
from .parts import CHECK_INS_PER_CHUNK, Sealed, seal_part, write

ANSWERS, CHECK_INS, SELF_CHECKS, GUIDED = "a:", "c:", "s", "g"
SEAL_OVERHEAD = NONCE_BYTES + 16


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


class _Reader:
    """Decrypts the parts of one stored value once each, remembering what each held."""

    def __init__(self, sealed: Sealed | None) -> None:
        self.sealed = sealed
        self.read: dict[str, bytes] = {}  # name -> plaintext as stored

    def load(self, name: str, kind: type) -> Any:
        if self.sealed is None or self.sealed.index.entry(name) is None:
            return kind()
        plain = self.sealed.plaintext(name)
        self.read[name] = plain
        value = json.loads(plain)
        if not isinstance(value, kind):
            raise Unreadable("unexpected workbook content")
        return value

    def reuse(self, name: str, plain: bytes) -> bytes | None:
        """The stored ciphertext of ``name`` if it still holds ``plain``."""
        if self.sealed is None or self.read.get(name) != plain:
            return None
        return self.sealed.ciphertext(name)


class Answers(MutableMapping[str, dict[str, Any]]):
    """Module slug -> {exercise id: answer}; a module's part is decrypted when first looked up."""

    def __init__(self, reader: _Reader, loaded: dict[str, dict[str, Any]] | None = None) -> None:
        self._reader = reader
        self._loaded: dict[str, dict[str, Any]] = dict(loaded or {})
        sealed = reader.sealed
        names = sealed.index.names(ANSWERS) if sealed else []
        self._stored = {name[len(ANSWERS) :]: name for name in names}

    def __getitem__(self, module: str) -> dict[str, Any]:
        if module not in self._loaded:
            if module not in self._stored:
                raise KeyError(module)
            self._loaded[module] = self._reader.load(self._stored.pop(module), dict)
        return self._loaded[module]

    def __setitem__(self, module: str, value: dict[str, Any]) -> None:
        self._stored.pop(module, None)
        self._loaded[module] = value

    def __delitem__(self, module: str) -> None:
        if self._stored.pop(module, None) is None:
            del self._loaded[module]
        else:
            self._loaded.pop(module, None)

    def __contains__(self, module: object) -> bool:
        return module in self._loaded or module in self._stored

    def __iter__(self) -> Iterator[str]:
        return iter([*self._stored, *self._loaded])

    def __len__(self) -> int:
        return len(self._stored) + len(self._loaded)

    def count(self, module: str) -> int:
        """How many answers ``module`` holds, without decrypting them."""
        if module in self._loaded:
            return len(self._loaded[module])
        sealed, name = self._reader.sealed, self._stored.get(module)
        entry = sealed.index.entry(name) if sealed and name else None
        return entry.items if entry else 0


class Workbook:
    """One visitor's workbook: its keys, what the row says of it, and its content."""

    def __init__(
        self,
        keys: WorkbookKeys,
        answers: dict[str, dict[str, Any]] | None = None,
        kept: bool = False,
        check_ins: list[dict[str, Any]] | None = None,
        guided: dict[str, Any] | None = None,
        self_checks: list[dict[str, Any]] | None = None,
        opened_from: bytes = b"",
        last_used: date | None = None,
        pending_passphrase: str = "",
        forwarded_from: bytes = b"",
        sealed: Sealed | None = None,
    ) -> None:
        self.keys = keys
        self.kept = kept
        # The ciphertext this was opened from: a change made in the same request starts from it
        # instead of reading the row again (and still only writes if the row is unchanged).
        self.opened_from = opened_from
        # The day it was last used, as stored when opened (None for a workbook not yet stored).
        self.last_used = last_used
        # A passphrase just made for it and not yet shown (views.keep, views.kept): inside the
        # ciphertext its own keys seal, and removed when the one page that shows it is read; and
        # the lookup id of the row it was kept from, left as a forward until then.
        self.pending_passphrase = pending_passphrase
        self.forwarded_from = forwarded_from
        self._reader = _Reader(sealed)
        self.answers = Answers(self._reader, answers)
        # Module slug -> its note (notes.py), kept in the index: what pages need to know of a
        # module's answers without decrypting them. Written by saving.save_answers.
        recorded = sealed.index.extra.get("notes", {}) if sealed else {}
        self.notes: dict[str, dict[str, Any]] = {
            str(slug): note for slug, note in recorded.items() if isinstance(note, dict)
        }
        self._check_ins = check_ins
        self._guided = guided
        self._self_checks = self_checks
        self._chunks: dict[int, list[dict[str, Any]]] = {}

    def __repr__(self) -> str:
        return f"Workbook(kept={self.kept})"  # never the keys, never the content

    def set_answer(self, module: str, exercise: str, value: Any) -> None:
        self.answers.setdefault(module, {})[exercise] = value

    # Follow-up check-ins, oldest first, as stored (read them through checkins.history()).
    @property
    def check_ins(self) -> list[dict[str, Any]]:
        if self._check_ins is None:
            found: list[dict[str, Any]] = []
            for number in range(self._chunk_count()):
                found += self.check_in_chunk(number)
            self._check_ins = found
        return self._check_ins

    @check_ins.setter
    def check_ins(self, value: list[dict[str, Any]]) -> None:
        self._check_ins = value

    @property
    def check_in_count(self) -> int:
        if self._check_ins is not None:
            return len(self._check_ins)
        sealed = self._reader.sealed
        return (
            sum(e.items for e in sealed.index.entries if e.name.startswith(CHECK_INS))
            if sealed
            else 0
        )

    def _chunk_count(self) -> int:
        sealed = self._reader.sealed
        return len(sealed.index.names(CHECK_INS)) if sealed else 0

    def check_in_chunk(self, number: int) -> list[dict[str, Any]]:
        """The ``number``-th chunk of stored check-ins (oldest first), decrypting only it."""
        if self._check_ins is not None:
            at = number * CHECK_INS_PER_CHUNK
            return self._check_ins[at : at + CHECK_INS_PER_CHUNK]
        if number not in self._chunks:
            self._chunks[number] = self._reader.load(f"{CHECK_INS}{number}", list)
        return self._chunks[number]

    def recent_check_ins(self, count: int) -> list[dict[str, Any]]:
        """The newest ``count`` stored check-ins, oldest first, decrypting only their chunks."""
        if self._check_ins is not None:
            return self._check_ins[-count:] if count else []
        found: list[dict[str, Any]] = []
        for number in reversed(range(self._chunk_count())):
            if len(found) >= count:
                break
            found = self.check_in_chunk(number) + found
        return found[-count:] if count else []

    # Guided support's part (guided/threads.py): the ids and private keys of its threads.
    @property
    def guided(self) -> dict[str, Any]:
        if self._guided is None:
            self._guided = self._reader.load(GUIDED, dict)
        return self._guided

    @guided.setter
    def guided(self, value: dict[str, Any]) -> None:
        self._guided = value

    # Self-check answers, oldest first, as stored (workbook/selfchecks.py).
    @property
    def self_checks(self) -> list[dict[str, Any]]:
        if self._self_checks is None:
            self._self_checks = self._reader.load(SELF_CHECKS, list)
        return self._self_checks

    @self_checks.setter
    def self_checks(self, value: list[dict[str, Any]]) -> None:
        self._self_checks = value

    def seal(self) -> bytes:
        """The stored value for this workbook (parts.py); raises TooLarge past the limit."""
        key, context, sealed = self.keys.data_key, self.keys.lookup_id, self._reader.sealed
        listed: list[tuple[str, bytes, int]] = []
        size = 0

        def add(name: str, value: Any, items: int) -> None:
            nonlocal size
            plain = _json(value)
            size += len(plain)
            reused = self._reader.reuse(name, plain)
            listed.append((name, reused or seal_part(key, context, name, plain), items))

        def keep(name: str) -> None:
            nonlocal size
            entry = sealed.index.entry(name) if sealed else None
            if sealed and entry:
                size += entry.length - SEAL_OVERHEAD
                listed.append((name, sealed.ciphertext(name), entry.items))

        for module in self.answers:
            stored = self.answers._stored.get(module)
            if stored is not None:
                keep(stored)
            elif self.answers._loaded[module]:
                add(
                    ANSWERS + module,
                    self.answers._loaded[module],
                    len(self.answers._loaded[module]),
                )
        if self._check_ins is not None:
            for at in range(0, len(self._check_ins), CHECK_INS_PER_CHUNK):
                chunk = self._check_ins[at : at + CHECK_INS_PER_CHUNK]
                add(f"{CHECK_INS}{at // CHECK_INS_PER_CHUNK}", chunk, len(chunk))
        else:
            for number in range(self._chunk_count()):
                keep(f"{CHECK_INS}{number}")
        for name, value in ((SELF_CHECKS, self._self_checks), (GUIDED, self._guided)):
            if value is None:
                keep(name)
            elif value:
                add(name, value, 0)
        if size > MAX_WORKBOOK_BYTES:
            raise TooLarge
        extra: dict[str, Any] = {}
        notes = {slug: note for slug, note in self.notes.items() if slug in self.answers}
        if notes:
            extra["notes"] = notes
        if self.pending_passphrase:
            extra["pending"] = {
                "passphrase": self.pending_passphrase,
                "from": self.forwarded_from.hex(),
            }
        return write(key, context, listed, extra)

    def whole(self) -> dict[str, Any]:
        """Everything it holds, as one document (format 1's shape): for exports and tests."""
        data: dict[str, Any] = {"v": 1, "answers": dict(self.answers.items())}
        if self.check_ins:
            data["check_ins"] = self.check_ins
        if self.guided:
            data["guided"] = self.guided
        if self.self_checks:
            data["self_checks"] = self.self_checks
        return data
