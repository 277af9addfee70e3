"""The content of a preview: read again whenever a file changes, kept even when it is broken.

Outside the preview the catalogue is loaded once and a problem stops the start
(``create_app``). In the preview a problem must not stop anything: the portal keeps running,
every page lists the problems as ``path:line: message`` until the files are fixed, and the
review pages show whatever could be built.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from types import MappingProxyType

from flask import Flask

from .. import curriculum, helpdesk
from ..authoring import Problem
from ..config import Settings
from ..context import Slot
from ..curriculum import Catalog, draft_tree
from ..helpdesk import HelpDirectory, check_help
from ..rendered import forget
from .watch import Fingerprint, fingerprint

EMPTY_CATALOG = Catalog(MappingProxyType({}))
EMPTY_HELP = HelpDirectory(MappingProxyType({}))


@dataclass(frozen=True)
class Reading:
    """One reading of the content folder."""

    draft: Catalog  # whatever could be built, for the review pages
    directory: HelpDirectory
    errors: tuple[Problem, ...]
    warnings: tuple[Problem, ...]

    @property
    def catalog(self) -> Catalog:
        """What visitors' pages may show: nothing while there is an error."""
        return EMPTY_CATALOG if self.errors else self.draft


def read_content(settings: Settings) -> Reading:
    draft, problems = draft_tree(settings.content_dir, settings.locales)
    directory, help_problems = check_help(
        settings.content_dir, settings.locales, settings.help_countries
    )
    found = problems.found + help_problems.found
    return Reading(
        draft,
        EMPTY_HELP if help_problems.errors else directory,  # the crisis lines, while they are right
        tuple(sorted(p for p in found if not p.warning)),
        tuple(sorted(p for p in found if p.warning)),
    )


class LiveContent:
    """The preview's current reading, replaced when a file under the content folder changes."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._seen = fingerprint(settings.content_dir)
        self.reading = read_content(settings)
        self._lock = threading.Lock()  # the development server answers requests in threads

    def refresh(self, app: Flask) -> Reading:
        """Read the content again if any file changed since the last reading; install it."""
        now: Fingerprint = fingerprint(self.settings.content_dir)
        if now == self._seen:
            return self.reading
        with self._lock:
            if now != self._seen:
                self.reading = read_content(self.settings)
                self._seen = now
                install(app, self.reading)
        return self.reading


LIVE: Slot[LiveContent] = Slot("live_content")


def install(app: Flask, reading: Reading) -> None:
    """Put a reading in place of the last one, and forget every page rendered from that one."""
    curriculum.init_app(app, reading.catalog)
    helpdesk.init_app(app, reading.directory)
    forget(app)
