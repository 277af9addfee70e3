"""The stylesheet and script, built once at start-up and served with a content hash.

The host's colours become CSS custom properties appended to our stylesheet, so theming needs
no CSS editing and no inline style; one file each keeps a page to three requests.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from flask import Flask, Response, abort

from .context import SETTINGS, Slot

STATIC = Path(__file__).parent / "static"
TYPES = {"css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8"}


@dataclass(frozen=True)
class Asset:
    body: bytes
    digest: str


ASSETS: Slot[dict[str, Asset]] = Slot("assets")


def _build(app: Flask) -> dict[str, Asset]:
    theme = SETTINGS.of(app).theme
    css = (STATIC / "rumbo.css").read_text(encoding="utf-8")
    css += f"\n:root{{--primary:{theme.primary};--accent:{theme.accent}}}\n"
    js = (STATIC / "rumbo.js").read_text(encoding="utf-8")
    built = {}
    for kind, text in (("css", css), ("js", js)):
        body = text.encode()
        built[kind] = Asset(body, hashlib.sha256(body).hexdigest()[:12])
    return built


def file_name(kind: str) -> str:
    """The asset's file name, which carries its digest (so it may be cached for a year)."""
    return f"rumbo.{ASSETS.get()[kind].digest}.{kind}"


def serve(name: str) -> Response:
    stem, _, kind = name.rpartition(".")
    asset = ASSETS.get().get(kind)
    if asset is None or stem != f"rumbo.{asset.digest}":
        abort(404)
    response = Response(asset.body, content_type=TYPES[kind])
    response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
    return response


def init_app(app: Flask) -> None:
    ASSETS.set(app, _build(app))
