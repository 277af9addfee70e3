"""Rendered fragments kept between starts, so a large curriculum starts in seconds.

Rendering Markdown and sanitising it with bleach costs about 1.4 ms per fragment: 20 s for
1,000 modules (docs/performance.md). Each fragment's HTML, and the problems its rendering
reported, are stored in ``instance/render-cache.json`` under a key that covers its text, the
page depth, the ids its links may point to, the allow-list and the library versions: any
change to one of them renders the fragment again.

The file is authenticated with an HMAC under a key derived from the host's secret key. A file
that fails the check is ignored, so writing to ``instance/`` is not a way around the sanitiser.
Only the fragments used by the last start are kept: the file does not grow without bound.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import tempfile
from importlib.metadata import version
from pathlib import Path

from markupsafe import Markup

from .sanitise import ALLOWED_ATTRIBUTES, ALLOWED_PROTOCOLS, ALLOWED_TAGS

FORMAT = "rumbo-render-cache-v1"
Entry = tuple[Markup, list[str]]  # html, problems reported while rendering


def renderer_signature(known: dict[str, frozenset[str]]) -> str:
    """What, besides a fragment's own text, its rendering depends on."""
    parts = {
        "format": FORMAT,
        "markdown": version("markdown"),
        "bleach": version("bleach"),
        "tags": sorted(ALLOWED_TAGS),
        "attributes": {tag: sorted(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        "protocols": sorted(ALLOWED_PROTOCOLS),
        "links": {slug: sorted(steps) for slug, steps in sorted(known.items())},
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


class RenderCache:
    def __init__(self, path: Path, secret_key: str) -> None:
        self.path = path
        self._key = hmac.new(secret_key.encode(), b"rumbo render cache v1", hashlib.sha256).digest()
        self._stored: dict[str, tuple[str, list[str]]] = self._read()
        self._used: dict[str, Entry] = {}
        self._changed = False

    @staticmethod
    def key(signature: str, prefix: str, text: str) -> str:
        return hashlib.sha256(f"{signature}\0{prefix}\0{text}".encode()).hexdigest()

    def get(self, key: str) -> Entry | None:
        if key in self._used:  # the same fragment again (an empty introduction, say)
            return self._used[key]
        stored = self._stored.pop(key, None)
        if stored is None:
            return None
        entry = (Markup(stored[0]), stored[1])  # noqa: S704 (cleaned when rendered; authenticated)
        self._used[key] = entry
        return entry

    def put(self, key: str, html: Markup, problems: list[str]) -> None:
        self._used[key] = (html, problems)
        self._changed = True

    def _mac(self, body: bytes) -> str:
        return hmac.new(self._key, body, hashlib.sha256).hexdigest()

    def _read(self) -> dict[str, tuple[str, list[str]]]:
        try:
            raw = self.path.read_bytes()
            body, _, mac = raw.rpartition(b"\n")
            if not hmac.compare_digest(mac.decode("ascii"), self._mac(body)):
                return {}
            entries = json.loads(body)
            return {k: (v[0], list(v[1])) for k, v in entries.items()}
        except (OSError, ValueError, UnicodeDecodeError, TypeError, IndexError, AttributeError):
            return {}  # missing, unreadable or tampered: render everything again

    def save(self) -> None:
        """Write the fragments this start used, if anything differs from what was read.

        The JSON is written in pieces as it is encoded, with the MAC computed along the way
        and put on the last line: no second copy of the whole file is held in memory."""
        unused = bool(self._stored)  # read but not used this time: drop them from the file
        self._stored = {}
        if not (self._changed or unused):
            return
        mac = hmac.new(self._key, digestmod=hashlib.sha256)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".render-cache-")
            with os.fdopen(handle, "wb") as output:
                encoder = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
                for piece in encoder.iterencode(self._used):
                    chunk = piece.encode()
                    mac.update(chunk)
                    output.write(chunk)
                output.write(b"\n" + mac.hexdigest().encode("ascii"))
            os.replace(temporary, self.path)
        except OSError:
            pass  # a read-only instance folder only costs start-up time
