"""The real portal on a loopback port, and Debian's Chromium driven by Playwright.

One server and one browser for the whole session (start-up is the slow part); every test gets
fresh browser contexts, so no cookie, cache or history leaks from one test to another.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from app.context import SETTINGS
from tests.support.apps import ROOT, SHIPPED_CONTENT, built_app, missing

CHROMIUM = Path("/usr/bin/chromium")
# Playwright's own browser download does not work here: always Debian's Chromium, kept quiet
# (no background traffic of its own, so every request a test sees comes from the page).
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WIDTHS = (360, 1280)
LANGS = ("es", "en")
SCREENSHOTS = ROOT / "artifacts" / "screenshots"


@dataclass(frozen=True)
class Portal:
    origin: str  # http://127.0.0.1:<port>, no trailing slash
    quick_exit_url: str

    def url(self, path: str) -> str:
        return self.origin + path


@contextmanager
def serving(tmp_path, **config):
    """The shipped curriculum served by the real app from a daemon thread."""
    with built_app(
        f"sqlite:///{tmp_path / 'rumbo.db'}", tmp_path, content=SHIPPED_CONTENT, **config
    ) as app:
        server = make_server("127.0.0.1", 0, app, threaded=True)
        thread = threading.Thread(target=server.serve_forever, name="rumbo-browser", daemon=True)
        thread.start()
        try:
            yield Portal(
                origin=f"http://127.0.0.1:{server.server_port}",
                quick_exit_url=SETTINGS.of(app).quick_exit_url,
            )
        finally:
            server.shutdown()
            thread.join(timeout=10)
            server.server_close()


@pytest.fixture(scope="session")
def portal(tmp_path_factory):
    with serving(tmp_path_factory.mktemp("portal")) as served:
        yield served


@pytest.fixture(scope="session")
def preview_portal(tmp_path_factory):
    """The same in the authors' preview (make preview): with the review pages."""
    with serving(tmp_path_factory.mktemp("preview"), preview=True) as served:
        yield served


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        missing("Chromium (Debian package chromium)")
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()
    finally:
        playwright.stop()


@pytest.fixture
def new_context(browser):
    """Open browser contexts (a fresh, empty browser profile each); all are closed afterwards."""
    opened = []

    def open_context(width: int = 1280, javascript: bool = True, **options):
        context = browser.new_context(
            viewport={"width": width, "height": 800},
            java_script_enabled=javascript,
            **options,
        )
        context.set_default_timeout(10_000)
        opened.append(context)
        return context

    yield open_context
    for context in opened:
        context.close()  # closing twice (a test that closed it itself) is harmless


@pytest.fixture
def page(new_context):
    """A page at 1280 px with JavaScript on, in its own context."""
    return new_context().new_page()


SHOTS = {
    "home": "/",
    "step": "/modules/motivation/rulers",
    "workbook": "/workbook",
    "help": "/help",
}


@pytest.fixture(scope="session", autouse=True)
def screenshots(portal, browser):
    """Screenshots for a person to review, saved in artifacts/screenshots/ once the browser
    suite has run: artefacts, not tests (a picture's file size proves nothing about a page)."""
    yield
    from tests.browser.helpers import walk_motivation

    answered = browser.new_context()
    walk_motivation(answered.new_page(), portal.origin, "en")
    state = answered.storage_state()
    answered.close()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, path in SHOTS.items():
        for width in WIDTHS:
            context = browser.new_context(
                viewport={"width": width, "height": 800},
                storage_state=state if name == "workbook" else None,
            )
            page = context.new_page()
            page.goto(portal.url(f"/en{path}"))
            page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=True)
            context.close()
